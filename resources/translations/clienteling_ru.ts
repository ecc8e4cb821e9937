<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the hub</source>
        <translation>Подключение к хабу</translation>
    </message>
    <message>
        <source>Enter the hub address your manager gave you, e.g. https://hub.example.com</source>
        <translation>Введите адрес хаба, который дал вам руководитель, например https://hub.example.com</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>This is not a web address. It starts with http:// or https://.</source>
        <translation>Это не веб-адрес. Адрес начинается с http:// или https://.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The hub cannot be reached. Check the network connection; your work is kept on this terminal and will be sent when the connection is back.</source>
        <translation>Хаб недоступен. Проверьте подключение к сети; ваша работа сохранена на этом терминале и будет отправлена, когда связь восстановится.</translation>
    </message>
    <message>
        <source>The hub reported a problem (%1). Try again in a moment; if it keeps happening, tell your manager.</source>
        <translation>Хаб сообщил о проблеме (%1). Повторите через минуту; если ошибка не уходит, сообщите руководителю.</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation>Неверное имя пользователя или пароль. Проверьте их и попробуйте снова.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Срок входа истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>Nobody is signed in on this terminal. Please sign in.</source>
        <translation>На этом терминале никто не вошёл. Пожалуйста, войдите.</translation>
    </message>
    <message>
        <source>The hub needs a newer version of Clienteling. Ask your manager to update this terminal.</source>
        <translation>Хабу нужна более новая версия Clienteling. Попросите руководителя обновить этот терминал.</translation>
    </message>
    <message>
        <source>The data on this terminal was written by a newer version of Clienteling. Update the app; the data was left untouched.</source>
        <translation>Данные на этом терминале записаны более новой версией Clienteling. Обновите приложение; данные не тронуты.</translation>
    </message>
    <message>
        <source>The data file on this terminal is damaged. It was left untouched; contact support.</source>
        <translation>Файл данных на этом терминале повреждён. Он оставлен как есть; обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring) for the sign-in. Ask your IT support to enable the system keyring, then start Clienteling again.</source>
        <translation>На этом компьютере нет хранилища паролей (keyring) для входа. Попросите ИТ-поддержку включить системное хранилище паролей и снова запустите Clienteling.</translation>
    </message>
    <message>
        <source>Some of what you entered is not valid. Check it and try again.</source>
        <translation>Часть введённых данных неверна. Проверьте и попробуйте снова.</translation>
    </message>
    <message>
        <source>The action could not be completed. Try again in a moment.</source>
        <translation>Не удалось выполнить действие. Повторите через минуту.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again; if it keeps happening, restart the app and tell your manager.</source>
        <translation>Что-то пошло не так. Попробуйте ещё раз; если ошибка повторяется, перезапустите приложение и сообщите руководителю.</translation>
    </message>
    <message>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <source>Preparing this terminal</source>
        <translation>Подготовка терминала</translation>
    </message>
    <message>
        <source>Downloading the customers of this store. This happens once.</source>
        <translation>Загружаем клиентов этого магазина. Это делается один раз.</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>Записей: %1 из %2</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>Записей: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>FollowupComposer</name>
    <message>
        <source>Send a follow-up</source>
        <translation>Отправить сообщение клиенту</translation>
    </message>
    <message>
        <source>Queue follow-up (Ctrl+Enter)</source>
        <translation>Поставить в очередь (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Search the catalog to add a product…</source>
        <translation>Найдите товар в каталоге, чтобы добавить…</translation>
    </message>
    <message>
        <source>A personal line, e.g. what suited them</source>
        <translation>Личная фраза, например что клиенту подошло</translation>
    </message>
    <message>
        <source>Personal line</source>
        <translation>Личная фраза</translation>
    </message>
    <message>
        <source>Preview: exactly what the customer gets</source>
        <translation>Предпросмотр: ровно то, что получит клиент</translation>
    </message>
    <message>
        <source>This customer is not on this terminal yet: sync first.</source>
        <translation>Этого клиента ещё нет на этом терминале: сначала выполните синхронизацию.</translation>
    </message>
    <message>
        <source>Follow-up for %1</source>
        <translation>Сообщение для клиента %1</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>предпочитает</translation>
    </message>
    <message>
        <source>The customer agreed to no channel: no follow-up can be sent.</source>
        <translation>Клиент не дал согласия ни на один канал: сообщение отправить нельзя.</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Онлайн-корзина</translation>
    </message>
    <message>
        <source>Bought before</source>
        <translation>Покупал(а) раньше</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 здесь</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Нет здесь</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Тема: %1</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>Символов: %1</translation>
    </message>
    <message>
        <source>%1 characters · %2 SMS · %3</source>
        <translation>Символов: %1 · SMS: %2 · %3</translation>
    </message>
</context>
<context>
    <name>FollowupList</name>
    <message>
        <source>Send a follow-up (Ctrl+F)</source>
        <translation>Отправить сообщение (Ctrl+F)</translation>
    </message>
    <message>
        <source>No follow-up yet.</source>
        <translation>Сообщений пока нет.</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[ожидает синхронизации]</translation>
    </message>
</context>
<context>
    <name>Followups</name>
    <message>
        <source>Thank you for the visit</source>
        <translation>Спасибо за визит</translation>
    </message>
    <message>
        <source>Products you tried</source>
        <translation>Товары, которые вы смотрели</translation>
    </message>
    <message>
        <source>Your cart is available here today</source>
        <translation>Товары из корзины есть здесь сегодня</translation>
    </message>
    <message>
        <source>Delivery and packaging check-in</source>
        <translation>Как прошли доставка и упаковка</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation>Мы скучаем</translation>
    </message>
    <message>
        <source>Back in stock</source>
        <translation>Снова в наличии</translation>
    </message>
    <message>
        <source>No consent recorded for this channel</source>
        <translation>Нет согласия на этот канал</translation>
    </message>
    <message>
        <source>The customer declined messages on this channel</source>
        <translation>Клиент отказался от сообщений по этому каналу</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Нет адреса e-mail</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>Нет номера телефона</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Ссылка открыта</translation>
    </message>
    <message>
        <source>Ordered online</source>
        <translation>Заказ онлайн</translation>
    </message>
    <message>
        <source>Not sent: no consent at sending time</source>
        <translation>Не отправлено: нет согласия на момент отправки</translation>
    </message>
    <message>
        <source>Not sent: failed</source>
        <translation>Не отправлено: ошибка отправки</translation>
    </message>
    <message>
        <source>Sending interrupted: to be checked</source>
        <translation>Отправка прервана: требуется проверка</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>Первая покупка</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Постоянный</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Под угрозой ухода</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Ушедший</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>In store</source>
        <translation>В магазине</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>По телефону</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Оформлен</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Возвращён</translation>
    </message>
    <message>
        <source>Partly returned</source>
        <translation>Частично возвращён</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Брошена</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Оформлена</translation>
    </message>
    <message>
        <source>cart</source>
        <translation>корзина</translation>
    </message>
    <message>
        <source>contact details</source>
        <translation>контактные данные</translation>
    </message>
    <message>
        <source>shipping</source>
        <translation>доставка</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>оплата</translation>
    </message>
    <message>
        <source>review</source>
        <translation>проверка заказа</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>Без уровня</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Бронзовый</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Серебряный</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Золотой</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Платиновый</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Offline: the hub cannot be reached. Keep working; your changes are kept and will be sent when the connection is back.</source>
        <translation>Нет связи: хаб недоступен. Продолжайте работать — изменения сохранены и будут отправлены, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Search by name, phone, email or loyalty card  (Ctrl+K)</source>
        <translation>Поиск по имени, телефону, почте или карте лояльности  (Ctrl+K)</translation>
    </message>
    <message>
        <source>New customer (Ctrl+Shift+N)</source>
        <translation>Новый клиент (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Все магазины</translation>
    </message>
    <message>
        <source>Clienteling — %1 — %2</source>
        <translation>Clienteling — %1 — %2</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Any format, e.g. 06 12 34 56 78</source>
        <translation>В любом формате, например 06 12 34 56 78</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Предпочтительный канал</translation>
    </message>
    <message>
        <source>Agrees to be contacted by</source>
        <translation>Согласен на связь по</translation>
    </message>
    <message>
        <source>Open this profile</source>
        <translation>Открыть этот профиль</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>The given name is required.</source>
        <translation>Укажите имя.</translation>
    </message>
    <message>
        <source>The family name is required.</source>
        <translation>Укажите фамилию.</translation>
    </message>
    <message>
        <source>Not a valid phone number for %1.</source>
        <translation>Неверный номер телефона для %1.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Это не похоже на адрес эл. почты.</translation>
    </message>
    <message>
        <source>Already known: %1 (%2). Open that profile instead?</source>
        <translation>Уже есть: %1 (%2). Открыть этот профиль?</translation>
    </message>
    <message>
        <source>Other customers have the same details too.</source>
        <translation>Эти данные есть и у других клиентов.</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Search for a customer by name, phone, email or loyalty card.</source>
        <translation>Найдите клиента по имени, телефону, почте или карте лояльности.</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>Ценность клиента</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Бонусные баллы</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Предпочитает</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Свой магазин</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>In stock here</source>
        <translation>В наличии здесь</translation>
    </message>
    <message>
        <source>Write a note about this visit…</source>
        <translation>Заметка об этом визите…</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Добавить заметку (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Follow-ups (%1)</source>
        <translation>Сообщения (%1)</translation>
    </message>
    <message>
        <source>Agreed to be contacted, %1</source>
        <translation>Согласие на связь, %1</translation>
    </message>
    <message>
        <source>Did not agree to be contacted, %1</source>
        <translation>Нет согласия на связь, %1</translation>
    </message>
    <message>
        <source>No consent recorded: do not contact on this channel</source>
        <translation>Согласие не записано: не связывайтесь по этому каналу</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Карта %1</translation>
    </message>
    <message>
        <source>No contact details</source>
        <translation>Нет контактных данных</translation>
    </message>
    <message>
        <source>Purchases (%1)</source>
        <translation>Покупки (%1)</translation>
    </message>
    <message>
        <source>(%1 returned)</source>
        <translation>(возвращено: %1)</translation>
    </message>
    <message>
        <source>Online cart (%1)</source>
        <translation>Онлайн-корзина (%1)</translation>
    </message>
    <message>
        <source>No online cart right now.</source>
        <translation>Сейчас онлайн-корзины нет.</translation>
    </message>
    <message>
        <source>Abandoned at %1</source>
        <translation>Брошена на шаге «%1»</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, шаг «%2»</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · обновлено %2</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>Здесь: %1</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Здесь нет</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Итого %1</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Заметки (%1)</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[ждёт синхронизации]</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Хаб: %1</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Введите имя пользователя и пароль.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Входим…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now (F5)</source>
        <translation>Синхронизировать (F5)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Последняя синхронизация %1</translation>
    </message>
    <message>
        <source>Pending changes: %1</source>
        <translation>Изменений в очереди: %1</translation>
    </message>
    <message>
        <source>Refused by the hub: %1</source>
        <translation>Отклонено хабом: %1</translation>
    </message>
</context>
</TS>

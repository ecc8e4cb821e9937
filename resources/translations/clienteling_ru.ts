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
    <name>ProfileEdit</name>
    <message>
        <source>Top</source>
        <translation>Верх</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Низ</translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation>Обувь</translation>
    </message>
    <message>
        <source>Sizes: %1</source>
        <translation>Размеры: %1</translation>
    </message>
    <message>
        <source>Style: %1</source>
        <translation>Стиль: %1</translation>
    </message>
    <message>
        <source>Brands: %1</source>
        <translation>Бренды: %1</translation>
    </message>
    <message>
        <source>Birthday %1</source>
        <translation>День рождения %1</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>Изменить профиль</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[ждёт синхронизации]</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакты</translation>
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
        <source>Any format; several separated by commas</source>
        <translation>В любом формате; несколько номеров — через запятую</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Several separated by commas</source>
        <translation>Несколько адресов — через запятую</translation>
    </message>
    <message>
        <source>Emails</source>
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
        <source>Preferences</source>
        <translation>Предпочтения</translation>
    </message>
    <message>
        <source>Sizes (top, bottom, shoes)</source>
        <translation>Размеры (верх, низ, обувь)</translation>
    </message>
    <message>
        <source>e.g. classic, navy and beige</source>
        <translation>напр.: классика, тёмно-синий и бежевый</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Через запятую</translation>
    </message>
    <message>
        <source>Brands</source>
        <translation>Бренды</translation>
    </message>
    <message>
        <source>Day/month, year optional: 14/05/1990</source>
        <translation>День/месяц, год — по желанию: 14/05/1990</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>Agrees to be contacted by</source>
        <translation>Согласен на связь по</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>This customer is not on this terminal any more.</source>
        <translation>Этого клиента больше нет на этом терминале.</translation>
    </message>
    <message>
        <source>The hub refused changes to this customer:</source>
        <translation>Хаб отклонил изменения по этому клиенту:</translation>
    </message>
    <message>
        <source>Not a valid phone number: %1</source>
        <translation>Неверный номер телефона: %1</translation>
    </message>
    <message>
        <source>This does not look like an email address: %1</source>
        <translation>Это не похоже на адрес эл. почты: %1</translation>
    </message>
    <message>
        <source>Not a date: write day/month, e.g. 14/05.</source>
        <translation>Это не дата: введите день/месяц, например 14/05.</translation>
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
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Did the customer agree to be contacted by %1?</source>
        <translation>Клиент согласился, чтобы с ним связывались через %1?</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Search for a customer by name, phone, email or loyalty card.</source>
        <translation>Найдите клиента по имени, телефону, почте или карте лояльности.</translation>
    </message>
    <message>
        <source>Edit profile (Ctrl+E)</source>
        <translation>Изменить профиль (Ctrl+E)</translation>
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
        <source>The hub refused a change: %1</source>
        <translation>Хаб отклонил изменение: %1</translation>
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

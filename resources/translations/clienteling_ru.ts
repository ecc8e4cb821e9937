<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Move the appointment</source>
        <translation>Перенести встречу</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Записать на встречу</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Клиент: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>With associate</source>
        <translation>С сотрудником</translation>
    </message>
    <message>
        <source>Optional, e.g. fitting, laptop demo</source>
        <translation>Необязательно, например примерка, показ ноутбука</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Время</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>Д&amp;лительность</translation>
    </message>
    <message>
        <source>&amp;With</source>
        <translation>&amp;С кем</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Цель</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Заметка</translation>
    </message>
    <message>
        <source>Times are in the store&apos;s time zone (%1).</source>
        <translation>Время указано в часовом поясе магазина (%1).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Move (Ctrl+Enter)</source>
        <translation>Перенести (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Book (Ctrl+Enter)</source>
        <translation>Записать (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>&amp;Not relevant any more</source>
        <translation>Уже &amp;неактуально</translation>
    </message>
    <message>
        <source>Customer &amp;unreachable</source>
        <translation>Клиент н&amp;едоступен</translation>
    </message>
    <message>
        <source>Customer &amp;asked not to be contacted</source>
        <translation>Клиент &amp;просил не связываться</translation>
    </message>
    <message>
        <source>&amp;Other (say why)</source>
        <translation>&amp;Другое (укажите)</translation>
    </message>
    <message>
        <source>Not booked: %1 already has an appointment at that time. Choose another time or another associate.</source>
        <translation>Не записано: у %1 уже есть встреча в это время. Выберите другое время или другого сотрудника.</translation>
    </message>
    <message>
        <source>Not booked: %1</source>
        <translation>Не записано: %1</translation>
    </message>
    <message>
        <source>Change refused: %1 already has an appointment at that time; the appointment stays as it was.</source>
        <translation>Изменение отклонено: у %1 уже есть встреча в это время; встреча остаётся прежней.</translation>
    </message>
    <message>
        <source>Change refused: %1; the appointment stays as it was.</source>
        <translation>Изменение отклонено: %1; встреча остаётся прежней.</translation>
    </message>
    <message>
        <source>%1 already has an appointment (%2). Choose another time or another associate.</source>
        <translation>У %1 уже есть встреча (%2). Выберите другое время или другого сотрудника.</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 с %2</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>С %1</translation>
    </message>
    <message>
        <source>(waiting to sync)</source>
        <translation>(ждёт синхронизации)</translation>
    </message>
    <message>
        <source>Appointment cancelled (with %1)</source>
        <translation>Встреча отменена (с %1)</translation>
    </message>
    <message>
        <source>Appointment with %1, until %2</source>
        <translation>Встреча с %1, до %2</translation>
    </message>
    <message>
        <source>Appointments: %1</source>
        <translation>Встречи: %1</translation>
    </message>
</context>
<context>
    <name>CacheCheck</name>
    <message>
        <source>The data file on this terminal is damaged. Clienteling closes now and writes nothing more to it, so that support can recover the changes not yet sent. Contact support before starting Clienteling again.</source>
        <translation>Файл данных на этом терминале повреждён. Clienteling сейчас закроется и больше ничего в него не запишет, чтобы поддержка могла восстановить ещё не отправленные изменения. Обратитесь в поддержку, прежде чем снова запускать Clienteling.</translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation>Проверка файла данных…</translation>
    </message>
    <message>
        <source>Damaged data file</source>
        <translation>Повреждённый файл данных</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Enroll this terminal</source>
        <translation>Регистрация терминала</translation>
    </message>
    <message>
        <source>Type the one-time enrollment code your administrator made for this store (on the hub: clienteling hub enroll-code).</source>
        <translation>Введите одноразовый код регистрации, который администратор создал для этого магазина (на хабе: clienteling hub enroll-code).</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Зарегистрировать</translation>
    </message>
    <message>
        <source>Enrollment &amp;code</source>
        <translation>&amp;Код регистрации</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Код регистрации</translation>
    </message>
    <message>
        <source>Enter the enrollment code.</source>
        <translation>Введите код регистрации.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Регистрация…</translation>
    </message>
</context>
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
    <name>CrashDialog</name>
    <message>
        <source>Clienteling: unexpected problem</source>
        <translation>Clienteling: непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Clienteling hit an unexpected problem. Your drafts and unsent changes are saved. Restart the app; if it happens again, send the diagnostics to support.</source>
        <translation>В Clienteling произошла непредвиденная ошибка. Черновики и неотправленные изменения сохранены. Перезапустите приложение; если ошибка повторится, отправьте диагностику в службу поддержки.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Скопировать диагностику</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>CustomerExport</name>
    <message>
        <source>Export customer data</source>
        <translation>Экспорт данных клиента</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Customer data exported to %1</source>
        <translation>Данные клиента экспортированы в %1</translation>
    </message>
</context>
<context>
    <name>CustomerTasks</name>
    <message>
        <source>✓ %1 (waiting to sync)</source>
        <translation>✓ %1 (ждёт синхронизации)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (просрочено)</translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation>Задачи: %1</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <source>Store dashboard</source>
        <translation>Показатели магазина</translation>
    </message>
    <message>
        <source>Export the tables to a folder</source>
        <translation>Экспортировать таблицы в папку</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>%1 files saved in %2.</source>
        <translation>Сохранено файлов: %1, в папке %2.</translation>
    </message>
    <message>
        <source>Save the dashboard as PDF</source>
        <translation>Сохранить панель показателей в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder, or check that the disk is not full.</source>
        <translation>Не удалось сохранить файл. Выберите другую папку или проверьте, не заполнен ли диск.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Store dashboard</source>
        <translation>Показатели магазина</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Магазин</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Последние 90 дней</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Свои даты</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Период</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Обновить (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Экспорт в PDF…</translation>
    </message>
    <message>
        <source>In-store revenue</source>
        <translation>Выручка в магазине</translation>
    </message>
    <message>
        <source>In-store purchases</source>
        <translation>Покупки в магазине</translation>
    </message>
    <message>
        <source>Online revenue of our customers</source>
        <translation>Онлайн-выручка наших клиентов</translation>
    </message>
    <message>
        <source>Online revenue credited to the store</source>
        <translation>Онлайн-выручка, засчитанная магазину</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Новые клиенты</translation>
    </message>
    <message>
        <source>From visit to online order</source>
        <translation>От визита до онлайн-заказа</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Предыдущий период</translation>
    </message>
    <message>
        <source>Why visitors left without buying</source>
        <translation>Почему посетители ушли без покупки</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>Клиенты по этапам жизненного цикла</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Change of stage</source>
        <translation>Смена этапа</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Whole store</source>
        <translation>Весь магазин</translation>
    </message>
    <message>
        <source>Not done yet, nobody assigned</source>
        <translation>Ещё не выполнены, никому не назначены</translation>
    </message>
    <message>
        <source>%1 offers issued, %2 redeemed (%3 in store, %4 online).</source>
        <translation>Выдано предложений: %1, использовано: %2 (%3 в магазине, %4 онлайн).</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Omnichannel value</source>
        <translation>Ценность омниканальных клиентов</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Omnichannel</source>
        <translation>Омниканальные</translation>
    </message>
    <message>
        <source>Single channel</source>
        <translation>Одноканальные</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Исследования</translation>
    </message>
    <message>
        <source>Feedback by touchpoint</source>
        <translation>Отзывы по точкам контакта</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Точка контакта</translation>
    </message>
    <message>
        <source>%1 (%2 answers)</source>
        <translation>%1 (ответов: %2)</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>Последние комментарии</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Follow-ups by template and channel</source>
        <translation>Сообщения по шаблонам и каналам</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Переходы</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>In-store sales per associate</source>
        <translation>Продажи в магазине по консультантам</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Покупки</translation>
    </message>
    <message>
        <source>%1 surveys answered (%2 of the visits and follow-ups of the period).</source>
        <translation>Заполнено анкет: %1 (%2 от визитов и сообщений за период).</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>Покупатели</translation>
    </message>
    <message>
        <source>Non-buyers</source>
        <translation>Без покупки</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Tasks per associate</source>
        <translation>Задачи по консультантам</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Done rate</source>
        <translation>Доля выполненных</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>В срок</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выдано</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <source>Enter or a double-click on a row of the funnel, reasons, stages or associates lists the customers behind it.</source>
        <translation>Enter или двойной щелчок по строке воронки, причин, этапов или консультантов покажет клиентов, стоящих за цифрой.</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>Загрузка показателей…</translation>
    </message>
    <message>
        <source>Offline: these are the figures kept from %1.</source>
        <translation>Нет связи: показаны данные, сохранённые %1.</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Данные на %1</translation>
    </message>
    <message>
        <source>%1 · %2 to %3</source>
        <translation>%1 · с %2 по %3</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Этот период</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Not enough purchases yet to compare omnichannel customers.</source>
        <translation>Пока недостаточно покупок, чтобы сравнить омниканальных клиентов.</translation>
    </message>
    <message>
        <source>Here, customers who buy in store and online are worth %1 more than single-channel customers (studies: about %2).</source>
        <translation>Здесь клиенты, покупающие и в магазине, и онлайн, ценнее одноканальных на %1 (по исследованиям — примерно на %2).</translation>
    </message>
    <message>
        <source>Average customer value</source>
        <translation>Средняя ценность клиента</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Retention within 12 months</source>
        <translation>Удержание в течение 12 месяцев</translation>
    </message>
    <message>
        <source>Purchases per customer per year</source>
        <translation>Покупок на клиента в год</translation>
    </message>
    <message>
        <source>Retention, %</source>
        <translation>Удержание, %</translation>
    </message>
    <message>
        <source>Not credited to an associate</source>
        <translation>Не засчитано консультанту</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics for support</source>
        <translation>Диагностика для поддержки</translation>
    </message>
    <message>
        <source>Collecting the diagnostics…</source>
        <translation>Собираем диагностику…</translation>
    </message>
    <message>
        <source>Copy again</source>
        <translation>Скопировать ещё раз</translation>
    </message>
    <message>
        <source>Save as file…</source>
        <translation>Сохранить в файл…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The diagnostics are on the clipboard: paste them into your message to support. They hold no passwords and no customer data.</source>
        <translation>Диагностика скопирована в буфер обмена: вставьте её в сообщение для поддержки. В ней нет паролей и данных клиентов.</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Сохранено в %1.</translation>
    </message>
    <message>
        <source>Save the diagnostics</source>
        <translation>Сохранить диагностику</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Текстовые файлы (*.txt)</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder.</source>
        <translation>Не удалось сохранить файл. Выберите другую папку.</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss the task</source>
        <translation>Отклонить задачу</translation>
    </message>
    <message>
        <source>Why is this task dismissed? %1</source>
        <translation>Почему задача отклонена? %1</translation>
    </message>
    <message>
        <source>Why (needed when the reason is Other)</source>
        <translation>Почему (обязательно, если выбрано «Другое»)</translation>
    </message>
    <message>
        <source>Why the task is dismissed</source>
        <translation>Почему задача отклонена</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Say in a few words why the task is dismissed.</source>
        <translation>Коротко напишите, почему задача отклонена.</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Loading the list…</source>
        <translation>Загрузка списка…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Enter or double-click opens the customer&apos;s profile.</source>
        <translation>Enter или двойной щелчок открывает профиль клиента.</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>Не удалось загрузить список: %1</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>Анонимный посетитель</translation>
    </message>
    <message>
        <source>Nothing to list for this period.</source>
        <translation>За этот период ничего нет.</translation>
    </message>
    <message>
        <source>The newest %1 of %2.</source>
        <translation>Последние %1 из %2.</translation>
    </message>
    <message>
        <source>%1 in all.</source>
        <translation>Всего: %1.</translation>
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
        <source>The data file on this terminal is still being checked, which takes a few seconds after start. Nothing was saved yet and nothing is lost: try again in a moment.</source>
        <translation>Файл данных на этом терминале ещё проверяется: это занимает несколько секунд после запуска. Пока ничего не сохранено и ничего не потеряно: повторите попытку через мгновение.</translation>
    </message>
    <message>
        <source>The data on this terminal is encrypted, and this computer&apos;s keyring does not hold its key. The data was left untouched; ask your IT support to restore the keyring or to reset this terminal.</source>
        <translation>Данные на этом терминале зашифрованы, а в хранилище ключей этого компьютера нет ключа к ним. Данные остались нетронутыми; попросите ИТ-поддержку восстановить хранилище ключей или сбросить этот терминал.</translation>
    </message>
    <message>
        <source>Clienteling is already using the data on this terminal in another window or task. Close it, then start Clienteling again.</source>
        <translation>Clienteling уже использует данные этого терминала в другом окне или задаче. Закройте его и снова запустите Clienteling.</translation>
    </message>
    <message>
        <source>This computer has no usable password store (keyring), so Clienteling cannot keep its sign-in safe; it never saves it in a plain file instead.</source>
        <translation>На этом компьютере нет работающего хранилища паролей (keyring), поэтому Clienteling не может надёжно сохранить вход; в обычный файл он его никогда не записывает.</translation>
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
        <source>This terminal is enrolled for another store. Sign in at a terminal of your store.</source>
        <translation>Этот терминал зарегистрирован за другим магазином. Войдите на терминале своего магазина.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled. Restart Clienteling and enter the enrollment code from your administrator.</source>
        <translation>Этот терминал не зарегистрирован. Перезапустите Clienteling и введите код регистрации от администратора.</translation>
    </message>
    <message>
        <source>This terminal&apos;s enrollment is no longer valid. Ask your administrator for a new enrollment code.</source>
        <translation>Регистрация этого терминала больше не действительна. Попросите у администратора новый код регистрации.</translation>
    </message>
    <message>
        <source>Open Keychain Access and unlock the login keychain, then start Clienteling again.</source>
        <translation>Откройте «Связку ключей» и разблокируйте связку «login», затем снова запустите Clienteling.</translation>
    </message>
    <message>
        <source>Make sure the Windows Credential Manager service is running, then start Clienteling again.</source>
        <translation>Убедитесь, что служба «Диспетчер учётных данных» Windows запущена, затем снова запустите Clienteling.</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring, package gnome-keyring, or KWallet), then start Clienteling again.</source>
        <translation>Установите и разблокируйте хранилище Secret Service (GNOME Keyring, пакет gnome-keyring, или KWallet), затем снова запустите Clienteling.</translation>
    </message>
    <message>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>The hub&apos;s security certificate has expired.</source>
        <translation>Срок действия сертификата безопасности хаба истёк.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is not valid yet (check this computer&apos;s date).</source>
        <translation>Сертификат безопасности хаба ещё не действует (проверьте дату на этом компьютере).</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is self-signed, so this computer cannot trust it.</source>
        <translation>Сертификат безопасности хаба самоподписанный, поэтому этот компьютер не может ему доверять.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate was issued by an authority this computer does not trust.</source>
        <translation>Сертификат безопасности хаба выдан центром, которому этот компьютер не доверяет.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is for another address.</source>
        <translation>Сертификат безопасности хаба выдан для другого адреса.</translation>
    </message>
    <message>
        <source>A secure (https) connection to the hub could not be set up.</source>
        <translation>Не удалось установить защищённое (https) соединение с хабом.</translation>
    </message>
    <message>
        <source>Check the address with your IT support; do not continue on a connection that cannot be trusted.</source>
        <translation>Проверьте адрес вместе со службой ИТ-поддержки; не продолжайте работу через соединение, которому нельзя доверять.</translation>
    </message>
    <message>
        <source>This enrollment code is not valid. Check it (letters and digits, e.g. K7PQ-3MZX-W9RT) or ask your administrator for a new one.</source>
        <translation>Этот код регистрации недействителен. Проверьте его (латинские буквы и цифры, например K7PQ-3MZX-W9RT) или попросите у администратора новый.</translation>
    </message>
    <message>
        <source>This enrollment code was already used: each code enrolls one terminal. Ask your administrator for a new one.</source>
        <translation>Этот код регистрации уже использован: каждый код регистрирует только один терминал. Попросите у администратора новый.</translation>
    </message>
    <message>
        <source>This enrollment code has expired. Ask your administrator for a new one.</source>
        <translation>Срок действия этого кода регистрации истёк. Попросите у администратора новый.</translation>
    </message>
    <message>
        <source>This enrollment code was withdrawn. Ask your administrator for a new one.</source>
        <translation>Этот код регистрации отозван. Попросите у администратора новый.</translation>
    </message>
    <message>
        <source>This enrollment code is for another store.</source>
        <translation>Этот код регистрации предназначен для другого магазина.</translation>
    </message>
    <message>
        <source>This store is not known to the hub any more.</source>
        <translation>Хаб больше не знает этот магазин.</translation>
    </message>
    <message>
        <source>An administrator revoked this terminal. Ask them to reset and enroll it again.</source>
        <translation>Администратор отозвал этот терминал. Попросите его сбросить терминал и зарегистрировать заново.</translation>
    </message>
    <message>
        <source>Too many wrong codes were tried from this terminal. Wait a few minutes, then try again.</source>
        <translation>С этого терминала введено слишком много неверных кодов. Подождите несколько минут и попробуйте снова.</translation>
    </message>
    <message>
        <source>Something answers at this address, but it is not a Clienteling hub. Check the address.</source>
        <translation>По этому адресу что-то отвечает, но это не хаб Clienteling. Проверьте адрес.</translation>
    </message>
    <message>
        <source>This is not a hub address. It looks like https://hub.example.com</source>
        <translation>Это не адрес хаба. Он выглядит так: https://hub.example.com</translation>
    </message>
    <message>
        <source>Nothing answers at this address. Check it and the network connection, then try again.</source>
        <translation>По этому адресу никто не отвечает. Проверьте адрес и подключение к сети, затем попробуйте снова.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Clienteling</source>
        <translation>Настройка Clienteling</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Войти</translation>
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
    <name>FollowupCheckDialog</name>
    <message>
        <source>Follow-ups to check</source>
        <translation>Сообщения для проверки</translation>
    </message>
    <message>
        <source>Sending these follow-ups stopped halfway, so nobody knows whether the customer got them. They are never sent again by themselves. Ask the provider (or the customer), then say what happened.</source>
        <translation>Отправка этих сообщений прервалась на полпути, поэтому никто не знает, получил ли их клиент. Сами они повторно не отправляются. Уточните у провайдера (или у клиента) и укажите, что произошло.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Подготовлено</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>It &amp;went out</source>
        <translation>Оно &amp;ушло</translation>
    </message>
    <message>
        <source>It went out: mark the follow-up as sent</source>
        <translation>Оно ушло: отметить сообщение как отправленное</translation>
    </message>
    <message>
        <source>It did &amp;not go out</source>
        <translation>Оно &amp;не ушло</translation>
    </message>
    <message>
        <source>It did not go out: mark the follow-up as failed</source>
        <translation>Оно не ушло: отметить сообщение как неудачное</translation>
    </message>
    <message>
        <source>&amp;Refresh (F5)</source>
        <translation>&amp;Обновить (F5)</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Запрос к хабу…</translation>
    </message>
    <message>
        <source>This customer is not on this terminal: their id</source>
        <translation>Этого клиента нет на терминале: его идентификатор</translation>
    </message>
    <message>
        <source>%1 follow-up(s) to check, oldest first.</source>
        <translation>Сообщений для проверки: %1, сначала самые старые.</translation>
    </message>
    <message>
        <source>Nothing to check: the outcome of every follow-up is known.</source>
        <translation>Проверять нечего: судьба каждого сообщения известна.</translation>
    </message>
    <message>
        <source>Did the follow-up to %1 go out?</source>
        <translation>Сообщение (клиент: %1) ушло?</translation>
    </message>
    <message>
        <source>It will count as sent, as if the sending had finished. Nothing is sent again.</source>
        <translation>Оно будет считаться отправленным, как если бы отправка завершилась. Повторно ничего не отправляется.</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Отметить как отправленное</translation>
    </message>
    <message>
        <source>The follow-up to %1 did not go out?</source>
        <translation>Сообщение (клиент: %1) не ушло?</translation>
    </message>
    <message>
        <source>It will end as failed and is never sent again from here. If the customer should still hear from the store, the associate can queue a new follow-up.</source>
        <translation>Оно завершится как неудачное и отсюда больше никогда не отправится. Если клиенту всё же нужно получить весточку от магазина, консультант может поставить в очередь новое сообщение.</translation>
    </message>
    <message>
        <source>Mark as not sent</source>
        <translation>Отметить как неотправленное</translation>
    </message>
    <message>
        <source>Telling the hub…</source>
        <translation>Передаём ответ хабу…</translation>
    </message>
    <message>
        <source>Marked as sent.</source>
        <translation>Отмечено как отправленное.</translation>
    </message>
    <message>
        <source>Marked as not sent: it ended as failed.</source>
        <translation>Отмечено как неотправленное: сообщение завершилось неудачей.</translation>
    </message>
    <message>
        <source>Someone else already settled this follow-up, or it is gone.</source>
        <translation>Кто-то другой уже решил судьбу этого сообщения, или его больше нет.</translation>
    </message>
    <message>
        <source>The hub cannot be reached: follow-ups can only be checked online. Try again when the connection is back.</source>
        <translation>Хаб недоступен: проверять сообщения можно только онлайн. Повторите, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Only a store manager can check follow-ups.</source>
        <translation>Проверять сообщения может только руководитель магазина.</translation>
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
        <source>Offer</source>
        <translation>Предложение</translation>
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
    <message>
        <source>a product no longer sold</source>
        <translation>товар, снятый с продажи</translation>
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
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>Ideas to go with the first purchase</source>
        <translation>Идеи к первой покупке</translation>
    </message>
    <message>
        <source>Thank you for your loyalty</source>
        <translation>Спасибо за верность</translation>
    </message>
    <message>
        <source>How was your visit?</source>
        <translation>Как прошёл ваш визит?</translation>
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
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Сочетания клавиш (F1)</translation>
    </message>
    <message>
        <source>Copy diagnostics…</source>
        <translation>Скопировать диагностику…</translation>
    </message>
    <message>
        <source>Versions, settings without passwords, sync state and recent log lines</source>
        <translation>Версии, настройки без паролей, состояние синхронизации и последние строки журнала</translation>
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
    <name>HoldLabels</name>
    <message>
        <source>Cashback in store</source>
        <translation>Кешбэк в магазине</translation>
    </message>
    <message>
        <source>Gift in store</source>
        <translation>Подарок в магазине</translation>
    </message>
    <message>
        <source>Free delivery online</source>
        <translation>Бесплатная доставка онлайн-заказа</translation>
    </message>
    <message>
        <source>Free pickup of an online order</source>
        <translation>Бесплатный самовывоз онлайн-заказа</translation>
    </message>
    <message>
        <source>This code does not exist. Check how it was typed.</source>
        <translation>Такого кода нет. Проверьте, правильно ли он введён.</translation>
    </message>
    <message>
        <source>This code was already used: it is valid only once.</source>
        <translation>Этот код уже использован: он действует только один раз.</translation>
    </message>
    <message>
        <source>This code has expired.</source>
        <translation>Срок действия кода истёк.</translation>
    </message>
    <message>
        <source>This code is valid online only: it cannot be used here.</source>
        <translation>Этот код действует только онлайн: здесь его использовать нельзя.</translation>
    </message>
    <message>
        <source>Hold refused: %1</source>
        <translation>Бронь отклонена: %1</translation>
    </message>
    <message>
        <source>Hold requested (pending)</source>
        <translation>Бронь запрошена (ожидает)</translation>
    </message>
    <message>
        <source>Held until %1</source>
        <translation>Отложено до %1</translation>
    </message>
    <message>
        <source>Hold collected</source>
        <translation>Отложенный товар получен</translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation>Бронь снята</translation>
    </message>
    <message>
        <source>Hold expired</source>
        <translation>Срок брони истёк</translation>
    </message>
    <message>
        <source>reserved online by the customer</source>
        <translation>забронировано клиентом онлайн</translation>
    </message>
    <message>
        <source>in store</source>
        <translation>в магазине</translation>
    </message>
    <message>
        <source>online</source>
        <translation>онлайн</translation>
    </message>
    <message>
        <source>Offer redeemed %1: %2</source>
        <translation>Предложение использовано %1: %2</translation>
    </message>
    <message>
        <source>Offer sent: %1</source>
        <translation>Отправлено предложение: %1</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>код %1</translation>
    </message>
</context>
<context>
    <name>HoldPanel</name>
    <message>
        <source>Hold for customer (Ctrl+H)</source>
        <translation>Отложить для клиента (Ctrl+H)</translation>
    </message>
    <message>
        <source>Hold the selected item in this store</source>
        <translation>Отложить выбранный товар в этом магазине</translation>
    </message>
    <message>
        <source>Sets the item aside here for the customer; the hub confirms the hold.</source>
        <translation>Откладывает товар здесь для клиента; хаб подтверждает бронь.</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>Снять бронь</translation>
    </message>
    <message>
        <source>Holds for this customer</source>
        <translation>Брони этого клиента</translation>
    </message>
    <message>
        <source>product %1 (no longer sold)</source>
        <translation>товар %1 (снят с продажи)</translation>
    </message>
    <message>
        <source>a product no longer sold</source>
        <translation>товар, снятый с продажи</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>отклонено: %1</translation>
    </message>
    <message>
        <source>pending: waiting for the hub</source>
        <translation>ожидает подтверждения хаба</translation>
    </message>
    <message>
        <source>held until %1</source>
        <translation>отложено до %1</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>получено</translation>
    </message>
    <message>
        <source>released</source>
        <translation>снято</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>истёк срок</translation>
    </message>
    <message>
        <source>reserved by the customer online</source>
        <translation>забронировано клиентом онлайн</translation>
    </message>
</context>
<context>
    <name>HubHitsModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Свой магазин</translation>
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
        <source>This store</source>
        <translation>Этот магазин</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>Connect to the hub</source>
        <translation>Подключение к хабу</translation>
    </message>
    <message>
        <source>Enter the hub address your administrator gave you, e.g. https://hub.example.com</source>
        <translation>Введите адрес хаба, который дал вам администратор, например https://hub.example.com</translation>
    </message>
    <message>
        <source>&amp;Hub address</source>
        <translation>Адрес &amp;хаба</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Адрес хаба</translation>
    </message>
    <message>
        <source>Checking the hub…</source>
        <translation>Проверка хаба…</translation>
    </message>
    <message>
        <source>Warning: this address uses http:// to another computer, so passwords and customer data would cross the network unencrypted. Use an https:// address if you can; press Next again only if your IT support says this network is private.</source>
        <translation>Внимание: этот адрес использует http:// к другому компьютеру, поэтому пароли и данные клиентов будут передаваться по сети без шифрования. По возможности используйте адрес https://; нажимайте «Далее» ещё раз, только если ИТ-поддержка подтверждает, что эта сеть закрытая.</translation>
    </message>
    <message>
        <source>Connected: hub version %1.</source>
        <translation>Подключено: хаб версии %1.</translation>
    </message>
</context>
<context>
    <name>HubSearchPanel</name>
    <message>
        <source>Search all stores (Ctrl+Shift+F)</source>
        <translation>Искать во всех магазинах (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Search all stores on the hub</source>
        <translation>Искать во всех магазинах на сервере</translation>
    </message>
    <message>
        <source>Customers found on the hub</source>
        <translation>Клиенты, найденные на сервере</translation>
    </message>
    <message>
        <source>Not the customer you are looking for?</source>
        <translation>Не тот клиент, которого вы ищете?</translation>
    </message>
    <message>
        <source>Searching all stores…</source>
        <translation>Поиск во всех магазинах…</translation>
    </message>
    <message>
        <source>Found on the hub (Enter opens the profile):</source>
        <translation>Найдено на сервере (Enter открывает профиль):</translation>
    </message>
    <message>
        <source>No customer of any store matches.</source>
        <translation>Ни один клиент ни одного магазина не подходит.</translation>
    </message>
    <message>
        <source>Searching all stores needs the network. The customers kept on this terminal are still found as usual.</source>
        <translation>Для поиска во всех магазинах нужна сеть. Клиенты, сохранённые на этом терминале, по-прежнему находятся как обычно.</translation>
    </message>
    <message>
        <source>Fetching the profile from the hub…</source>
        <translation>Загрузка профиля с сервера…</translation>
    </message>
    <message>
        <source>Other stores&apos; customers are found by their exact phone, email or loyalty card.</source>
        <translation>Клиенты других магазинов находятся только по точному телефону, эл. почте или карте лояльности.</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <source>Products and stock</source>
        <translation>Товары и остатки</translation>
    </message>
    <message>
        <source>Find a product</source>
        <translation>Найти товар</translation>
    </message>
    <message>
        <source>Product name, SKU or scan a barcode  (F3)</source>
        <translation>Название товара, артикул или штрихкод  (F3)</translation>
    </message>
    <message>
        <source>Matching products</source>
        <translation>Подходящие товары</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>Размер / цвет</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Здесь</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a few letters of the name or the SKU.</source>
        <translation>Отсканируйте штрихкод или введите несколько букв названия или артикула.</translation>
    </message>
    <message>
        <source>Size and colour</source>
        <translation>Размер и цвет</translation>
    </message>
    <message>
        <source>The same price in store and online</source>
        <translation>Одна цена в магазине и онлайн</translation>
    </message>
    <message>
        <source>Stock per location</source>
        <translation>Остатки по точкам</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Точка</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>На складе</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>В резерве</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Ожидается</translation>
    </message>
    <message>
        <source>From this store, as the crow flies</source>
        <translation>От этого магазина, по прямой</translation>
    </message>
    <message>
        <source>On its way, and the day it is expected</source>
        <translation>В пути и ожидаемая дата поступления</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>Нет товаров по запросу «%1».</translation>
    </message>
    <message>
        <source>%1 · %2 · SKU %3 · barcode %4</source>
        <translation>%1 · %2 · артикул %3 · штрихкод %4</translation>
    </message>
    <message>
        <source>%1 here · %2 in other stores · %3 online</source>
        <translation>%1 здесь · %2 в других магазинах · %3 онлайн</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Этот магазин</translation>
    </message>
    <message>
        <source>Web warehouse (%1)</source>
        <translation>Склад интернет-магазина (%1)</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>List…</source>
        <translation>Список…</translation>
    </message>
    <message>
        <source>List what %1 counts</source>
        <translation>Показать, из чего складывается «%1»</translation>
    </message>
    <message>
        <source>%1 on the previous period · chain average %2</source>
        <translation>%1 к предыдущему периоду · в среднем по сети %2</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>Wrong PIN. Attempts left before the PIN is blocked: %1.</source>
        <translation>Неверный PIN-код. Осталось попыток до блокировки PIN-кода: %1.</translation>
    </message>
    <message>
        <source>This PIN is blocked after too many wrong attempts. Sign in with your password; the PIN works again after that.</source>
        <translation>PIN-код заблокирован после слишком большого числа неверных попыток. Войдите с паролем — после этого PIN-код снова заработает.</translation>
    </message>
    <message>
        <source>This terminal is enrolled for another store than yours, so your PIN does not open it. Sign in at a terminal of your store.</source>
        <translation>Этот терминал зарегистрирован для другого магазина, не вашего, поэтому ваш PIN-код его не открывает. Войдите на терминале своего магазина.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits, nothing else.</source>
        <translation>PIN-код состоит только из цифр: от 4 до 8.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (the same digit repeated, or digits in a row such as 1234). Choose another one.</source>
        <translation>Этот PIN-код слишком легко угадать (одна и та же цифра или цифры подряд, например 1234). Выберите другой.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This terminal is locked</source>
        <translation>Терминал заблокирован</translation>
    </message>
    <message>
        <source>Customer data is hidden. Choose your name and type your PIN to continue.</source>
        <translation>Данные клиентов скрыты. Выберите своё имя и введите PIN-код, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Nobody has a PIN on this terminal yet: sign in with your password.</source>
        <translation>На этом терминале ещё ни у кого нет PIN-кода: войдите с паролем.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>Sign in with password</source>
        <translation>Войти с паролем</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>%1 (PIN blocked: sign in with the password)</source>
        <translation>%1 (PIN-код заблокирован: войдите с паролем)</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Введите PIN-код.</translation>
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
        <source>Dashboard (Ctrl+Shift+D)</source>
        <translation>Показатели (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Visitor (Ctrl+Shift+L)</source>
        <translation>Посетитель (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Log the visit of someone without a profile</source>
        <translation>Записать визит человека без профиля</translation>
    </message>
    <message>
        <source>Tasks (Ctrl+T)</source>
        <translation>Задачи (Ctrl+T)</translation>
    </message>
    <message>
        <source>Show these keyboard shortcuts</source>
        <translation>Показать эти сочетания клавиш</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Поиск клиентов</translation>
    </message>
    <message>
        <source>Search all stores on the hub</source>
        <translation>Искать во всех магазинах на сервере</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Write a note on the profile</source>
        <translation>Написать заметку в профиле</translation>
    </message>
    <message>
        <source>Edit the profile and consent</source>
        <translation>Изменить профиль и согласия</translation>
    </message>
    <message>
        <source>Log the visit of this customer</source>
        <translation>Записать визит этого клиента</translation>
    </message>
    <message>
        <source>Log a visitor without profile</source>
        <translation>Записать посетителя без профиля</translation>
    </message>
    <message>
        <source>Send a follow-up</source>
        <translation>Отправить сообщение</translation>
    </message>
    <message>
        <source>Book an appointment for this customer</source>
        <translation>Записать этого клиента на встречу</translation>
    </message>
    <message>
        <source>Products and stock</source>
        <translation>Товары и остатки</translation>
    </message>
    <message>
        <source>Store dashboard (managers)</source>
        <translation>Показатели магазина (для руководителей)</translation>
    </message>
    <message>
        <source>Follow-ups to check after an interrupted sending (managers)</source>
        <translation>Сообщения для проверки после прерванной отправки (руководители)</translation>
    </message>
    <message>
        <source>Redeem an offer code at the till</source>
        <translation>Применить промокод на кассе</translation>
    </message>
    <message>
        <source>The store&apos;s tasks</source>
        <translation>Задачи магазина</translation>
    </message>
    <message>
        <source>In the search box: open the only match, or go to the results</source>
        <translation>В поиске: открыть единственный результат или перейти к списку</translation>
    </message>
    <message>
        <source>Move between the search box and the results</source>
        <translation>Переход между полем поиска и результатами</translation>
    </message>
    <message>
        <source>Clear the search box; close a dialog</source>
        <translation>Очистить поиск; закрыть окно</translation>
    </message>
    <message>
        <source>Save the note, the visit or the follow-up being written</source>
        <translation>Сохранить заметку, визит или сообщение</translation>
    </message>
    <message>
        <source>On the online cart: hold the selected item for the customer</source>
        <translation>В онлайн-корзине: отложить выбранный товар для клиента</translation>
    </message>
    <message>
        <source>In the task list: mark the task done (with the outcome note)</source>
        <translation>В списке задач: отметить задачу выполненной (с итогом)</translation>
    </message>
    <message>
        <source>In the task list: snooze the task until tomorrow</source>
        <translation>В списке задач: отложить задачу до завтра</translation>
    </message>
    <message>
        <source>On a reply in the timeline: show the follow-up it answers</source>
        <translation>На ответе в истории: показать сообщение, на которое он отвечает</translation>
    </message>
    <message>
        <source>In the task list: dismiss the task with a reason</source>
        <translation>В списке задач: отклонить задачу с указанием причины</translation>
    </message>
    <message>
        <source>In the task list: move the selected appointment</source>
        <translation>В списке задач: перенести выбранную встречу</translation>
    </message>
    <message>
        <source>In the task list: cancel the selected appointment</source>
        <translation>В списке задач: отменить выбранную встречу</translation>
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
    <message>
        <source>Follow-up sent</source>
        <translation>Сообщение отправлено</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <source>&amp;Manager</source>
        <translation>&amp;Руководитель</translation>
    </message>
    <message>
        <source>Follow-ups to check… (Ctrl+Shift+O)</source>
        <translation>Сообщения для проверки… (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Follow-ups whose sending was interrupted: say whether they went out</source>
        <translation>Сообщения, отправка которых прервалась: укажите, ушли ли они</translation>
    </message>
    <message>
        <source>Open the follow-ups to check (Ctrl+Shift+O)</source>
        <translation>Открыть сообщения для проверки (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Follow-ups to check: %1</source>
        <translation>Сообщений для проверки: %1</translation>
    </message>
</context>
<context>
    <name>MetricHelp</name>
    <message>
        <source>Sum of what customers kept from purchases at this store&apos;s counter in the period: returned items are taken off, fully returned purchases count zero. Compared with the period of the same length just before, and with the average of the chain&apos;s stores.</source>
        <translation>Сумма того, что клиенты оставили себе из покупок в этом магазине за период: возвращённые товары вычитаются, полностью возвращённая покупка считается нулём. Сравнивается с предыдущим периодом той же длины и со средним по магазинам сети.</translation>
    </message>
    <message>
        <source>Purchases at this store&apos;s counter in the period by customers with a profile, fully returned ones excluded. Anonymous sales are not here: the funnel&apos;s &quot;Bought in store&quot; counts the visits that ended with a purchase, anonymous visitors included. Days are this store&apos;s local days.</source>
        <translation>Покупки на кассе этого магазина за период клиентами с профилем, без полностью возвращённых. Анонимные продажи сюда не входят: шаг воронки «Покупка в магазине» считает визиты, закончившиеся покупкой, включая анонимных посетителей. Дни — местные дни магазина.</translation>
    </message>
    <message>
        <source>Net revenue of web and phone orders placed in the period by customers whose home store is this store.</source>
        <translation>Чистая выручка веб- и телефонных заказов за период от клиентов, у которых это домашний магазин.</translation>
    </message>
    <message>
        <source>Net revenue of web and phone orders credited to this store, for example because the customer ordered from a follow-up one of its associates sent.</source>
        <translation>Чистая выручка веб- и телефонных заказов, засчитанных этому магазину, например когда клиент заказал по сообщению, отправленному его консультантом.</translation>
    </message>
    <message>
        <source>Customer profiles with this home store created in the period, at the counter or online. Merged duplicates count once.</source>
        <translation>Профили клиентов этого магазина, созданные за период, в магазине или онлайн. Объединённые дубликаты считаются один раз.</translation>
    </message>
    <message>
        <source>the last follow-up touch within the hub&apos;s attribution window wins</source>
        <translation>засчитывается последнее касание в пределах окна атрибуции хаба</translation>
    </message>
    <message>
        <source>the last follow-up touch within %n day(s) wins</source>
        <translation>засчитывается последнее касание в пределах %n дн.</translation>
    </message>
    <message>
        <source>Store visits logged in the period (anonymous visitors included) and how many ended with a purchase here: the in-store conversion, typically 30-35 % in retail. Then the follow-ups this store queued in the period: how many reached the customer, were opened, had a link clicked, put something in an online cart, and the online orders credited to the store (%1). Each rate is a share of the step before it.</source>
        <translation>Визиты в магазин за период (включая анонимных посетителей) и сколько из них закончились покупкой здесь: конверсия магазина, в рознице обычно 30–35 %. Затем сообщения, которые магазин поставил в очередь за период: сколько дошло до клиента, было открыто, по скольким перешли по ссылке, положили товар в онлайн-корзину, и онлайн-заказы, засчитанные магазину (%1). Каждая доля считается от предыдущего шага.</translation>
    </message>
    <message>
        <source>The reasons associates logged for visits that ended without a purchase here, most frequent first, with the previous period for the trend.</source>
        <translation>Причины, которые консультанты записали для визитов без покупки здесь, сначала самые частые, с предыдущим периодом для сравнения.</translation>
    </message>
    <message>
        <source>Survey answers given in the period, from the QR code or link handed over at the counter and from follow-ups, by touchpoint, buyers and non-buyers apart: how many answers and the average score out of 5. Surveys answered are counted per visit logged and follow-up sent in the same period.</source>
        <translation>Ответы на анкеты за период — по QR-коду или ссылке, выданным в магазине, и из сообщений — по точкам контакта, отдельно для покупателей и тех, кто ушёл без покупки: число ответов и средняя оценка из 5. Заполненные анкеты считаются на визиты и отправленные сообщения того же периода.</translation>
    </message>
    <message>
        <source>The newest written answers to the surveys of the period, with their touchpoint and score. Customers wrote them; they are shown as written.</source>
        <translation>Последние письменные ответы на анкеты за период, с точкой контакта и оценкой. Их написали клиенты; они показаны как есть.</translation>
    </message>
    <message>
        <source>Follow-ups this store queued in the period, per template and channel: how many reached the customer, were opened, had a link clicked, led to an online order, and the net revenue of the orders credited to them.</source>
        <translation>Сообщения, поставленные магазином в очередь за период, по шаблонам и каналам: сколько дошло до клиента, было открыто, по скольким перешли по ссылке, сколько привели к онлайн-заказу, и чистая выручка засчитанных им заказов.</translation>
    </message>
    <message>
        <source>Stages at the end of the period, from purchase history: New (no purchase yet), First purchase (one, recent), Loyal (two or more, recent), At risk (nothing for 180 days), Lapsed (nothing for 365 days). The table lists customers whose stage changed between the start and the end of the period.</source>
        <translation>Этапы на конец периода по истории покупок: Новый (ещё нет покупок), Первая покупка (одна, недавно), Постоянный (две и более, недавно), Под угрозой (нет покупок 180 дней), Ушедший (нет покупок 365 дней). В таблице — клиенты, чей этап изменился между началом и концом периода.</translation>
    </message>
    <message>
        <source>Omnichannel customers bought both at a store counter and online (web or phone); single-channel customers bought in only one of the two. Customer value is all their net purchases up to the end of the period. Retention: of the customers whose first purchase is at least 12 months old, the share who bought again within 12 months of it. Beside them, the figures retail studies publish.</source>
        <translation>Омниканальные клиенты покупали и в магазине, и онлайн (на сайте или по телефону); одноканальные — только одним из способов. Ценность клиента — все его чистые покупки до конца периода. Удержание: доля клиентов, купивших повторно в течение 12 месяцев после первой покупки, среди тех, чья первая покупка была не менее 12 месяцев назад. Рядом — данные опубликованных исследований розничной торговли.</translation>
    </message>
    <message>
        <source>Purchases at this store&apos;s counter in the period credited to each associate, with the number of distinct customers and the share of the store&apos;s in-store revenue. Counts and rates matter as much as the ranking.</source>
        <translation>Покупки в этом магазине за период, засчитанные каждому консультанту, с числом разных клиентов и долей в выручке магазина. Количества и доли важны не меньше, чем место в рейтинге.</translation>
    </message>
    <message>
        <source>Tasks the hub created for this store in the period (welcome, second purchase, VIP thank-you, at-risk check-in, win-back, cart available here, post-purchase check-in), per associate: the one assigned, else the one who did it. Done rate: done so far out of created; on time: done by the due time, out of done. Dismissed: set aside by an associate with a reason (not counted as done).</source>
        <translation>Задачи, созданные хабом для этого магазина за период (приветствие, вторая покупка, благодарность VIP, клиент под угрозой, возврат клиента, корзина есть в наличии здесь, связь после покупки), по консультантам: назначенный, иначе тот, кто выполнил. Доля выполненных: выполнено на сегодня из созданных; в срок: выполнено до срока из выполненных. Отклонено: сотрудник отложил задачу с указанием причины (не считается выполненной).</translation>
    </message>
    <message>
        <source>Single-use offer codes carried by this store&apos;s follow-ups in the period, and how many were redeemed, at the till or online. Each code works once.</source>
        <translation>Одноразовые коды предложений в сообщениях этого магазина за период и сколько из них использовано — на кассе или онлайн. Каждый код действует один раз.</translation>
    </message>
    <message>
        <source>Store visits</source>
        <translation>Визиты в магазин</translation>
    </message>
    <message>
        <source>Bought in store</source>
        <translation>Покупка в магазине</translation>
    </message>
    <message>
        <source>Follow-ups sent</source>
        <translation>Отправлено сообщений</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Link clicked</source>
        <translation>Переход по ссылке</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Онлайн-корзина</translation>
    </message>
    <message>
        <source>Online order</source>
        <translation>Онлайн-заказ</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Персонал</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Возвраты</translation>
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
        <source>Country of the phone number</source>
        <translation>Страна номера телефона</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Optional: scan or type the card</source>
        <translation>Необязательно: отсканируйте или введите карту</translation>
    </message>
    <message>
        <source>Loyalty card</source>
        <translation>Карта лояльности</translation>
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
        <source>A loyalty card number has 6 to 32 letters or digits.</source>
        <translation>Номер карты лояльности состоит из 6–32 букв или цифр.</translation>
    </message>
    <message>
        <source>Already known: %1 (%2). Open that profile instead?</source>
        <translation>Уже есть: %1 (%2). Открыть этот профиль?</translation>
    </message>
    <message>
        <source>Other customers have the same details too.</source>
        <translation>Эти данные есть и у других клиентов.</translation>
    </message>
    <message>
        <source>another store</source>
        <translation>другого магазина</translation>
    </message>
    <message>
        <source>Already a customer of %3: %1 (%2). Use the existing profile instead of creating a duplicate?</source>
        <translation>Уже клиент магазина %3: %1 (%2). Использовать существующий профиль вместо создания дубликата?</translation>
    </message>
    <message>
        <source>Use the existing profile</source>
        <translation>Использовать существующий профиль</translation>
    </message>
</context>
<context>
    <name>OfferChoice</name>
    <message>
        <source>Offer</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Без предложения</translation>
    </message>
    <message>
        <source>Reserve-for-pickup link</source>
        <translation>Ссылка для брони с самовывозом</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN for quick switch</source>
        <translation>PIN-код для быстрой смены</translation>
    </message>
    <message>
        <source>With a PIN you unlock this terminal, or take it over from a colleague, without your password. It works on this terminal only and is never sent anywhere.</source>
        <translation>С PIN-кодом вы разблокируете этот терминал или принимаете его у коллеги без пароля. Он действует только на этом терминале и никуда не передаётся.</translation>
    </message>
    <message>
        <source>New PIN (4 to 8 digits)</source>
        <translation>Новый PIN-код (от 4 до 8 цифр)</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Повторите PIN-код</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>Сохранить PIN-код</translation>
    </message>
    <message>
        <source>Remove my PIN</source>
        <translation>Удалить мой PIN-код</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>PIN-коды не совпадают. Введите один и тот же PIN-код дважды.</translation>
    </message>
</context>
<context>
    <name>PinOfferDialog</name>
    <message>
        <source>Quick switching</source>
        <translation>Быстрая смена</translation>
    </message>
    <message>
        <source>Set a PIN for quick switching?</source>
        <translation>Задать PIN-код для быстрой смены?</translation>
    </message>
    <message>
        <source>With a PIN you unlock this terminal, or take it over from a colleague, in a few keys instead of your password. It stays on this terminal.</source>
        <translation>С PIN-кодом вы разблокируете этот терминал или принимаете его у коллеги в несколько нажатий вместо пароля. Он хранится только на этом терминале.</translation>
    </message>
    <message>
        <source>Set a PIN…</source>
        <translation>Задать PIN-код…</translation>
    </message>
    <message>
        <source>Set a PIN now</source>
        <translation>Задать PIN-код сейчас</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <source>Not now: do not ask again here</source>
        <translation>Не сейчас: больше не спрашивать на этом терминале</translation>
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
        <source>%1 (bought: %2)</source>
        <translation>%1 (покупает: %2)</translation>
    </message>
    <message>
        <source>bought: %1</source>
        <translation>покупает: %1</translation>
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
        <source>e.g. wedding 12/06; name day 24/07</source>
        <translation>напр. свадьба 12/06; именины 24/07</translation>
    </message>
    <message>
        <source>Other important dates</source>
        <translation>Другие важные даты</translation>
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
        <source>Write each date after its name, separated by semicolons: wedding 12/06.</source>
        <translation>Пишите каждую дату после её названия, через точку с запятой: свадьба 12/06.</translation>
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
        <source>Export customer data…</source>
        <translation>Экспорт данных клиента…</translation>
    </message>
    <message>
        <source>Log visit (Ctrl+L)</source>
        <translation>Записать визит (Ctrl+L)</translation>
    </message>
    <message>
        <source>Book appointment (Ctrl+Shift+A)</source>
        <translation>Записать на встречу (Ctrl+Shift+A)</translation>
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
        <source>Size / colour</source>
        <translation>Размер / цвет</translation>
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
        <source>Other stores</source>
        <translation>Другие магазины</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Онлайн-корзина</translation>
    </message>
    <message>
        <source>Available in the chain&apos;s other stores together; point at a figure for each store, nearest first</source>
        <translation>Всего в других магазинах сети; наведите на число, чтобы увидеть каждый магазин, начиная с ближайшего</translation>
    </message>
    <message>
        <source>Available in the web warehouse</source>
        <translation>Доступно на складе интернет-магазина</translation>
    </message>
    <message>
        <source>Often bought together with this cart</source>
        <translation>Часто покупают вместе с этой корзиной</translation>
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
        <source>Timeline (%1)</source>
        <translation>История (%1)</translation>
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
        <source>The hub refused a change: %1</source>
        <translation>Хаб отклонил изменение: %1</translation>
    </message>
    <message>
        <source>Other store · home store: %1</source>
        <translation>Другой магазин · основной магазин: %1</translation>
    </message>
    <message>
        <source>Other store</source>
        <translation>Другой магазин</translation>
    </message>
    <message>
        <source>A customer of another store, looked up on the hub. Notes and visits logged here reach their home store.</source>
        <translation>Клиент другого магазина, найденный на хабе. Заметки и визиты, записанные здесь, попадают в его основной магазин.</translation>
    </message>
    <message>
        <source>Refreshed from the hub while the lookup lasts (30 days).</source>
        <translation>Обновляется с хаба, пока действует поиск (30 дней).</translation>
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
        <source>SKU %1</source>
        <translation>Артикул %1</translation>
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
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Нет</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Готово</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>RecentViewsPanel</name>
    <message>
        <source>Recently viewed online</source>
        <translation>Недавно просмотрено на сайте</translation>
    </message>
    <message>
        <source>No products viewed online in the last 30 days.</source>
        <translation>За последние 30 дней на сайте ничего не просматривали.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>Размер / цвет</translation>
    </message>
    <message>
        <source>Last viewed</source>
        <translation>Просмотрен</translation>
    </message>
    <message>
        <source>The latest view on the web shop; ×2: viewed twice in the last 30 days</source>
        <translation>Последний просмотр на сайте; ×2: просмотрен дважды за последние 30 дней</translation>
    </message>
    <message>
        <source>Last viewed %1, %2 views in the last 30 days</source>
        <translation>Последний просмотр %1, просмотров за 30 дней: %2</translation>
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
        <source>Other stores</source>
        <translation>Другие магазины</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>Артикул %1</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem an offer code</source>
        <translation>Применить промокод</translation>
    </message>
    <message>
        <source>&amp;Code given by the customer (e.g. 7K2QF-M9XDA)</source>
        <translation>&amp;Код, который назвал клиент (например, 7K2QF-M9XDA)</translation>
    </message>
    <message>
        <source>Offer code</source>
        <translation>Промокод</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Запрос к хабу…</translation>
    </message>
    <message>
        <source>The hub cannot be reached: a code can only be redeemed online. Try again when the connection is back.</source>
        <translation>Хаб недоступен: код можно применить только при подключении. Повторите, когда связь восстановится.</translation>
    </message>
    <message>
        <source>✓ Redeemed: %1. Code %2 cannot be used again.</source>
        <translation>✓ Применено: %1. Код %2 больше нельзя использовать.</translation>
    </message>
</context>
<context>
    <name>Revoked</name>
    <message>
        <source>Terminal revoked</source>
        <translation>Терминал отозван</translation>
    </message>
    <message>
        <source>An administrator revoked this terminal, so the customer data on it was removed. To use it again, enroll it with a new code from an administrator and sign in.</source>
        <translation>Администратор отозвал этот терминал, поэтому данные клиентов на нём удалены. Чтобы снова им пользоваться, зарегистрируйте его с новым кодом от администратора и войдите.</translation>
    </message>
</context>
<context>
    <name>RevokedBanner</name>
    <message>
        <source>An administrator revoked this terminal. %1 changes could not be sent yet, so the customer data stays on this terminal until they are. Keep it connected to the hub, or ask an administrator to wipe it without sending them.</source>
        <translation>Администратор отозвал этот терминал. Изменений, которые ещё не удалось отправить: %1, поэтому данные клиентов остаются на терминале, пока они не будут отправлены. Не отключайте его от хаба или попросите администратора стереть данные без отправки.</translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Everything at the counter works from the keyboard; the search box always gets the focus back, ready for the next scan.</source>
        <translation>У кассы всё делается с клавиатуры; курсор всегда возвращается в поиск, готовый к следующему сканированию.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
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
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Sign in with your own user name and password.</source>
        <translation>Войдите под своим именем пользователя и паролем.</translation>
    </message>
</context>
<context>
    <name>Stock</name>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 к %2</translation>
    </message>
    <message>
        <source>incoming: %1</source>
        <translation>ожидается: %1</translation>
    </message>
    <message>
        <source>incoming: %1 on %2</source>
        <translation>ожидается: %1 к %2</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>&amp;Store of this terminal</source>
        <translation>&amp;Магазин этого терминала</translation>
    </message>
    <message>
        <source>Store of this terminal</source>
        <translation>Магазин этого терминала</translation>
    </message>
    <message>
        <source>The code enrolled this terminal.</source>
        <translation>Терминал зарегистрирован по этому коду.</translation>
    </message>
    <message>
        <source>This terminal now belongs to the store:</source>
        <translation>Теперь этот терминал относится к магазину:</translation>
    </message>
    <message>
        <source>This code lets you choose the terminal&apos;s store.</source>
        <translation>Этот код позволяет выбрать магазин терминала.</translation>
    </message>
    <message>
        <source>Choose the store this terminal stands in.</source>
        <translation>Выберите магазин, в котором стоит этот терминал.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Регистрация…</translation>
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
<context>
    <name>TaskList</name>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Suggested message</source>
        <translation>Предлагаемое сообщение</translation>
    </message>
    <message>
        <source>Tasks of the store</source>
        <translation>Задачи магазина</translation>
    </message>
    <message>
        <source>What came of it? (optional; Enter or Ctrl+D marks the task done)</source>
        <translation>Чем закончилось? (необязательно; Enter или Ctrl+D отмечает задачу выполненной)</translation>
    </message>
    <message>
        <source>Outcome note</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Open customer (Enter)</source>
        <translation>Открыть клиента (Enter)</translation>
    </message>
    <message>
        <source>Send follow-up (Ctrl+F)</source>
        <translation>Отправить сообщение (Ctrl+F)</translation>
    </message>
    <message>
        <source>Snooze until tomorrow (Ctrl+Shift+S)</source>
        <translation>Отложить до завтра (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Dismiss… (Ctrl+Shift+X)</source>
        <translation>Отклонить… (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Move appointment (Ctrl+Shift+A)</source>
        <translation>Перенести встречу (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Cancel appointment (Ctrl+Shift+C)</source>
        <translation>Отменить встречу (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Mark done (Ctrl+D)</source>
        <translation>Отметить выполненной (Ctrl+D)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (просрочено)</translation>
    </message>
    <message>
        <source>✓ Done, waiting to sync: %1</source>
        <translation>✓ Выполнено, ждёт синхронизации: %1</translation>
    </message>
    <message>
        <source>Dismissed (%1), waiting to sync: %2</source>
        <translation>Отклонено (%1), ждёт синхронизации: %2</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>%1 appointments today</source>
        <translation>Встреч сегодня: %1</translation>
    </message>
    <message>
        <source>%1 open · %2 overdue</source>
        <translation>Открыто: %1 · просрочено: %2</translation>
    </message>
    <message>
        <source>%1 done, waiting to sync</source>
        <translation>выполнено, ждёт синхронизации: %1</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Welcome the new customer</source>
        <translation>Поприветствовать нового клиента</translation>
    </message>
    <message>
        <source>Encourage a second purchase</source>
        <translation>Подтолкнуть ко второй покупке</translation>
    </message>
    <message>
        <source>Thank a VIP customer</source>
        <translation>Поблагодарить VIP-клиента</translation>
    </message>
    <message>
        <source>Check in: customer at risk</source>
        <translation>Связаться: клиент под угрозой ухода</translation>
    </message>
    <message>
        <source>Win back a lapsed customer</source>
        <translation>Вернуть ушедшего клиента</translation>
    </message>
    <message>
        <source>Wish a happy birthday</source>
        <translation>Поздравить с днём рождения</translation>
    </message>
    <message>
        <source>A wished product is back in stock here</source>
        <translation>Желанный товар снова есть в этом магазине</translation>
    </message>
    <message>
        <source>Online cart available here today, no shipping</source>
        <translation>Онлайн-корзина есть здесь уже сегодня, без доставки</translation>
    </message>
    <message>
        <source>Ask how delivery and packaging went</source>
        <translation>Спросить, как прошли доставка и упаковка</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
</context>
<context>
    <name>TerminalLock</name>
    <message>
        <source>Lock the terminal</source>
        <translation>Заблокировать терминал</translation>
    </message>
    <message>
        <source>Lock (Ctrl+Shift+K)</source>
        <translation>Заблокировать (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>My PIN…</source>
        <translation>Мой PIN-код…</translation>
    </message>
    <message>
        <source>Choose a PIN to unlock and switch quickly</source>
        <translation>Выбрать PIN-код для быстрой разблокировки и смены</translation>
    </message>
    <message>
        <source>Clienteling — locked</source>
        <translation>Clienteling — заблокировано</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <source>Show in the timeline</source>
        <translation>Что показать в истории</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>Store visits</source>
        <translation>Визиты в магазин</translation>
    </message>
    <message>
        <source>Purchases and orders</source>
        <translation>Покупки и заказы</translation>
    </message>
    <message>
        <source>Online carts</source>
        <translation>Онлайн-корзины</translation>
    </message>
    <message>
        <source>Consent changes</source>
        <translation>Согласия на связь</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Брони</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Встречи</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Ответы на опросы</translation>
    </message>
    <message>
        <source>Customer timeline</source>
        <translation>История покупателя</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[ждёт синхронизации]</translation>
    </message>
    <message>
        <source>[refused by the hub]</source>
        <translation>[отклонено хабом]</translation>
    </message>
    <message>
        <source>Enter: show the follow-up this reply answers</source>
        <translation>Enter: показать сообщение, на которое отвечает этот ответ</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Пока ничего нет.</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>Событий: %1</translation>
    </message>
    <message>
        <source>Survey: %1 %2/5</source>
        <translation>Опрос: %1 %2/5</translation>
    </message>
    <message>
        <source>Survey comment: %1</source>
        <translation>Комментарий в опросе: %1</translation>
    </message>
    <message>
        <source>as a buyer</source>
        <translation>после покупки</translation>
    </message>
    <message>
        <source>without buying</source>
        <translation>без покупки</translation>
    </message>
    <message>
        <source>Shipping of the order of %1</source>
        <translation>Отправка заказа от %1</translation>
    </message>
    <message>
        <source>Delivery of the order of %1</source>
        <translation>Доставка заказа от %1</translation>
    </message>
    <message>
        <source>Partial return from the purchase of %1</source>
        <translation>Частичный возврат покупки от %1</translation>
    </message>
    <message>
        <source>Return from the purchase of %1</source>
        <translation>Возврат покупки от %1</translation>
    </message>
    <message>
        <source>Update of the order of %1</source>
        <translation>Изменение заказа от %1</translation>
    </message>
    <message>
        <source>Store visit: %1</source>
        <translation>Визит в магазин: %1</translation>
    </message>
    <message>
        <source>Store purchase: %1, %2</source>
        <translation>Покупка в магазине: %1, %2</translation>
    </message>
    <message>
        <source>Phone order: %1, %2</source>
        <translation>Заказ по телефону: %1, %2</translation>
    </message>
    <message>
        <source>Online order: %1, %2</source>
        <translation>Онлайн-заказ: %1, %2</translation>
    </message>
    <message>
        <source>with offer %1</source>
        <translation>с предложением %1</translation>
    </message>
    <message>
        <source>abandoned at %1</source>
        <translation>брошена на шаге «%1»</translation>
    </message>
    <message>
        <source>Online cart: %1</source>
        <translation>Онлайн-корзина: %1</translation>
    </message>
    <message>
        <source>Agreed to %1</source>
        <translation>%1: согласие</translation>
    </message>
    <message>
        <source>Refused %1</source>
        <translation>%1: отказ</translation>
    </message>
    <message>
        <source>Note by %1</source>
        <translation>Заметка: %1</translation>
    </message>
    <message>
        <source>Follow-up by %1: %2</source>
        <translation>Сообщение через %1: %2</translation>
    </message>
    <message>
        <source>Reply by %1: opted out of %1</source>
        <translation>Ответ по %1: отказ от %1</translation>
    </message>
    <message>
        <source>Reply by %1</source>
        <translation>Ответ по %1</translation>
    </message>
    <message>
        <source>answers “%1” of %2</source>
        <translation>ответ на «%1» от %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>от %1</translation>
    </message>
    <message>
        <source>%1, with %2</source>
        <translation>%1, консультант %2</translation>
    </message>
    <message>
        <source>signed up in store</source>
        <translation>регистрация в магазине</translation>
    </message>
    <message>
        <source>signed up online</source>
        <translation>регистрация онлайн</translation>
    </message>
    <message>
        <source>from a receipt</source>
        <translation>с чека</translation>
    </message>
    <message>
        <source>on the preferences page</source>
        <translation>на странице настроек</translation>
    </message>
    <message>
        <source>by replying to a message</source>
        <translation>ответом на сообщение</translation>
    </message>
</context>
<context>
    <name>TogetherPanel</name>
    <message>
        <source>%1 · %2 · %3 · orders together: %4</source>
        <translation>%1 · %2 · %3 · заказов вместе: %4</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>This terminal needs an update to sync with the hub. You can keep working; changes are kept and will sync after the update.</source>
        <translation>Этому терминалу нужно обновление, чтобы синхронизироваться с хабом. Можно продолжать работу: изменения сохраняются и будут синхронизированы после обновления.</translation>
    </message>
</context>
<context>
    <name>Variant</name>
    <message>
        <source>Size %1</source>
        <translation>Размер %1</translation>
    </message>
    <message>
        <source>colour %1</source>
        <translation>цвет %1</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>Цвет %1</translation>
    </message>
</context>
<context>
    <name>VisitFormDialog</name>
    <message>
        <source>Log visit: anonymous visitor</source>
        <translation>Запись визита: анонимный посетитель</translation>
    </message>
    <message>
        <source>Log visit: %1</source>
        <translation>Запись визита: %1</translation>
    </message>
    <message>
        <source>Visit of %1</source>
        <translation>Визит: %1</translation>
    </message>
    <message>
        <source>Visitor without a profile (counted in the store&apos;s visits)</source>
        <translation>Посетитель без профиля (учитывается в визитах магазина)</translation>
    </message>
    <message>
        <source>Products tried or shown</source>
        <translation>Товары, которые примеряли или показывали</translation>
    </message>
    <message>
        <source>Find a product</source>
        <translation>Найти товар</translation>
    </message>
    <message>
        <source>Name, SKU or scan a barcode, then Enter to add</source>
        <translation>Название, артикул или штрихкод, затем Enter, чтобы добавить</translation>
    </message>
    <message>
        <source>Matching products</source>
        <translation>Подходящие товары</translation>
    </message>
    <message>
        <source>From the online cart (click to add):</source>
        <translation>Из онлайн-корзины (нажмите, чтобы добавить):</translation>
    </message>
    <message>
        <source>Products of this visit</source>
        <translation>Товары этого визита</translation>
    </message>
    <message>
        <source>None yet. Delete removes the selected one.</source>
        <translation>Пока нет. Delete удаляет выбранный товар.</translation>
    </message>
    <message>
        <source>Often bought together with these (Enter adds one)</source>
        <translation>Часто покупают вместе с ними (Enter — добавить)</translation>
    </message>
    <message>
        <source>How did the visit end?</source>
        <translation>Чем закончился визит?</translation>
    </message>
    <message>
        <source>Why was nothing bought?</source>
        <translation>Почему ничего не купили?</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Другая причина</translation>
    </message>
    <message>
        <source>What was missing? (for “Other”)</source>
        <translation>Чего не хватило? (для «Другое»)</translation>
    </message>
    <message>
        <source>Hand over the survey link (QR code)</source>
        <translation>Дать ссылку на опрос (QR-код)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Save visit (Ctrl+Enter)</source>
        <translation>Сохранить визит (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ask the customer to scan this code with their phone camera: a short survey about today&apos;s visit opens, and answers are anonymous if they wish.</source>
        <translation>Попросите покупателя отсканировать этот код камерой телефона: откроется короткий опрос о сегодняшнем визите, отвечать можно анонимно.</translation>
    </message>
    <message>
        <source>Survey QR code</source>
        <translation>QR-код опроса</translation>
    </message>
    <message>
        <source>Send the link by &amp;SMS</source>
        <translation>Отправить ссылку по &amp;SMS</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>%1 is already listed.</source>
        <translation>%1 уже в списке.</translation>
    </message>
    <message>
        <source>A visit lists at most %1 products.</source>
        <translation>В визите не больше %1 товаров.</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 здесь</translation>
    </message>
    <message>
        <source>not in stock here</source>
        <translation>нет в наличии здесь</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>Нет товаров по запросу «%1».</translation>
    </message>
    <message>
        <source>Choose how the visit ended.</source>
        <translation>Выберите, чем закончился визит.</translation>
    </message>
    <message>
        <source>Say why nothing was bought.</source>
        <translation>Укажите, почему ничего не купили.</translation>
    </message>
    <message>
        <source>Describe the reason in a few words.</source>
        <translation>Опишите причину в нескольких словах.</translation>
    </message>
    <message>
        <source>This customer is not in the cache any more.</source>
        <translation>Этого клиента больше нет в кэше.</translation>
    </message>
    <message>
        <source>No SMS. %1.</source>
        <translation>SMS нельзя. %1.</translation>
    </message>
    <message>
        <source>The survey link goes out by SMS: the hub sends it after the next sync, checking consent again.</source>
        <translation>Ссылка на опрос уйдёт по SMS: хаб отправит её после следующей синхронизации, ещё раз проверив согласие.</translation>
    </message>
    <message>
        <source>Restored what was typed before, not yet saved. Cancel discards it.</source>
        <translation>Восстановлено то, что было введено раньше и ещё не сохранено. «Отмена» удалит это.</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Визит сохранён.</translation>
    </message>
    <message>
        <source>It will be sent to the hub at the next sync.</source>
        <translation>Он будет отправлен на хаб при следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>VisitLabels</name>
    <message>
        <source>Bought &amp;here</source>
        <translation>&amp;Купил здесь</translation>
    </message>
    <message>
        <source>Will buy &amp;online</source>
        <translation>Купит &amp;онлайн</translation>
    </message>
    <message>
        <source>Will &amp;come back</source>
        <translation>&amp;Вернётся</translation>
    </message>
    <message>
        <source>&amp;Left without buying</source>
        <translation>&amp;Ушёл без покупки</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Цена</translation>
    </message>
    <message>
        <source>&amp;Size or colour missing</source>
        <translation>Нет &amp;размера или цвета</translation>
    </message>
    <message>
        <source>&amp;Just browsing</source>
        <translation>&amp;Просто смотрел</translation>
    </message>
    <message>
        <source>Wants to co&amp;mpare</source>
        <translation>Хочет &amp;сравнить</translation>
    </message>
    <message>
        <source>&amp;Delivery options</source>
        <translation>Условия &amp;доставки</translation>
    </message>
    <message>
        <source>Othe&amp;r</source>
        <translation>Друго&amp;е</translation>
    </message>
</context>
</TS>

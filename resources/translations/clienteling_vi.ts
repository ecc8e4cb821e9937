<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Move the appointment</source>
        <translation>Dời lịch hẹn</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Đặt lịch hẹn</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Khách hàng: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <source>With associate</source>
        <translation>Với nhân viên</translation>
    </message>
    <message>
        <source>Optional, e.g. fitting, laptop demo</source>
        <translation>Không bắt buộc, ví dụ: thử đồ, xem máy tính xách tay</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Không bắt buộc</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Ngày</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Giờ</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Thời lượng</translation>
    </message>
    <message>
        <source>&amp;With</source>
        <translation>&amp;Với</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Mục đích</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Gh&amp;i chú</translation>
    </message>
    <message>
        <source>Times are in the store&apos;s time zone (%1).</source>
        <translation>Giờ theo múi giờ của cửa hàng (%1).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Move (Ctrl+Enter)</source>
        <translation>Dời lịch (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Book (Ctrl+Enter)</source>
        <translation>Đặt lịch (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>&amp;Not relevant any more</source>
        <translation>&amp;Không còn phù hợp</translation>
    </message>
    <message>
        <source>Customer &amp;unreachable</source>
        <translation>Không liên &amp;lạc được với khách</translation>
    </message>
    <message>
        <source>Customer &amp;asked not to be contacted</source>
        <translation>Khách &amp;yêu cầu không liên hệ</translation>
    </message>
    <message>
        <source>&amp;Other (say why)</source>
        <translation>Lý do khá&amp;c (ghi rõ)</translation>
    </message>
    <message>
        <source>Not booked: %1 already has an appointment at that time. Choose another time or another associate.</source>
        <translation>Chưa đặt được: %1 đã có lịch hẹn vào giờ đó. Hãy chọn giờ khác hoặc nhân viên khác.</translation>
    </message>
    <message>
        <source>Not booked: %1</source>
        <translation>Chưa đặt được: %1</translation>
    </message>
    <message>
        <source>Change refused: %1 already has an appointment at that time; the appointment stays as it was.</source>
        <translation>Thay đổi bị từ chối: %1 đã có lịch hẹn vào giờ đó; lịch hẹn giữ nguyên.</translation>
    </message>
    <message>
        <source>Change refused: %1; the appointment stays as it was.</source>
        <translation>Thay đổi bị từ chối: %1; lịch hẹn giữ nguyên.</translation>
    </message>
    <message>
        <source>%1 already has an appointment (%2). Choose another time or another associate.</source>
        <translation>%1 đã có lịch hẹn (%2). Hãy chọn giờ khác hoặc nhân viên khác.</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 với %2</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Với %1</translation>
    </message>
    <message>
        <source>(waiting to sync)</source>
        <translation>(chờ đồng bộ)</translation>
    </message>
    <message>
        <source>Appointment cancelled (with %1)</source>
        <translation>Lịch hẹn đã hủy (với %1)</translation>
    </message>
    <message>
        <source>Appointment with %1, until %2</source>
        <translation>Lịch hẹn với %1, đến %2</translation>
    </message>
    <message>
        <source>Appointments: %1</source>
        <translation>Lịch hẹn: %1</translation>
    </message>
</context>
<context>
    <name>CacheCheck</name>
    <message>
        <source>The data file on this terminal is damaged. Clienteling closes now and writes nothing more to it, so that support can recover the changes not yet sent. Contact support before starting Clienteling again.</source>
        <translation>Tệp dữ liệu trên máy này bị hỏng. Clienteling sẽ đóng ngay và không ghi thêm gì vào tệp, để bộ phận hỗ trợ có thể khôi phục các thay đổi chưa gửi. Hãy liên hệ bộ phận hỗ trợ trước khi mở lại Clienteling.</translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation>Đang kiểm tra tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Damaged data file</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Enroll this terminal</source>
        <translation>Đăng ký máy trạm này</translation>
    </message>
    <message>
        <source>Type the one-time enrollment code your administrator made for this store (on the hub: clienteling hub enroll-code).</source>
        <translation>Nhập mã đăng ký dùng một lần mà quản trị viên đã tạo cho cửa hàng này (trên hub: clienteling hub enroll-code).</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>Đăng &amp;ký</translation>
    </message>
    <message>
        <source>Enrollment &amp;code</source>
        <translation>&amp;Mã đăng ký</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Mã đăng ký</translation>
    </message>
    <message>
        <source>Enter the enrollment code.</source>
        <translation>Hãy nhập mã đăng ký.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Đang đăng ký…</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the hub</source>
        <translation>Kết nối với máy chủ trung tâm</translation>
    </message>
    <message>
        <source>Enter the hub address your manager gave you, e.g. https://hub.example.com</source>
        <translation>Nhập địa chỉ máy chủ trung tâm do quản lý cung cấp, ví dụ https://hub.example.com</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>This is not a web address. It starts with http:// or https://.</source>
        <translation>Đây không phải là địa chỉ web. Địa chỉ bắt đầu bằng http:// hoặc https://.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Clienteling: unexpected problem</source>
        <translation>Clienteling: sự cố không mong muốn</translation>
    </message>
    <message>
        <source>Clienteling hit an unexpected problem. Your drafts and unsent changes are saved. Restart the app; if it happens again, send the diagnostics to support.</source>
        <translation>Clienteling gặp sự cố không mong muốn. Bản nháp và các thay đổi chưa gửi của bạn đã được lưu. Hãy khởi động lại ứng dụng; nếu sự cố lặp lại, hãy gửi thông tin chẩn đoán cho bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Sao chép thông tin chẩn đoán</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Khởi động lại</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>CustomerExport</name>
    <message>
        <source>Export customer data</source>
        <translation>Xuất dữ liệu khách hàng</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
    <message>
        <source>Customer data exported to %1</source>
        <translation>Đã xuất dữ liệu khách hàng vào %1</translation>
    </message>
</context>
<context>
    <name>CustomerTasks</name>
    <message>
        <source>✓ %1 (waiting to sync)</source>
        <translation>✓ %1 (chờ đồng bộ)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (quá hạn)</translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation>Việc cần làm: %1</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Figure</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <source>Store dashboard</source>
        <translation>Bảng điều khiển cửa hàng</translation>
    </message>
    <message>
        <source>Export the tables to a folder</source>
        <translation>Xuất các bảng vào một thư mục</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Xuất CSV</translation>
    </message>
    <message>
        <source>%1 files saved in %2.</source>
        <translation>Đã lưu %1 tệp vào %2.</translation>
    </message>
    <message>
        <source>Save the dashboard as PDF</source>
        <translation>Lưu bảng điều khiển dưới dạng PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder, or check that the disk is not full.</source>
        <translation>Không thể lưu tệp. Hãy chọn thư mục khác hoặc kiểm tra xem ổ đĩa có bị đầy không.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Store dashboard</source>
        <translation>Bảng điều khiển cửa hàng</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Cửa hàng</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Cửa hàng</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 ngày qua</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 ngày qua</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 tháng qua</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Tự chọn ngày</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Khoảng thời gian</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>In-store revenue</source>
        <translation>Doanh thu tại cửa hàng</translation>
    </message>
    <message>
        <source>In-store purchases</source>
        <translation>Lượt mua tại cửa hàng</translation>
    </message>
    <message>
        <source>Online revenue of our customers</source>
        <translation>Doanh thu trực tuyến của khách hàng cửa hàng</translation>
    </message>
    <message>
        <source>Online revenue credited to the store</source>
        <translation>Doanh thu trực tuyến ghi nhận cho cửa hàng</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Khách hàng mới</translation>
    </message>
    <message>
        <source>From visit to online order</source>
        <translation>Từ lượt ghé thăm đến đơn hàng trực tuyến</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Kỳ trước</translation>
    </message>
    <message>
        <source>Why visitors left without buying</source>
        <translation>Lý do khách rời đi mà không mua</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt ghé thăm</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>Khách hàng theo giai đoạn vòng đời</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Change of stage</source>
        <translation>Thay đổi giai đoạn</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Đã bỏ qua</translation>
    </message>
    <message>
        <source>Whole store</source>
        <translation>Toàn cửa hàng</translation>
    </message>
    <message>
        <source>Not done yet, nobody assigned</source>
        <translation>Chưa làm, chưa giao cho ai</translation>
    </message>
    <message>
        <source>%1 offers issued, %2 redeemed (%3 in store, %4 online).</source>
        <translation>Đã phát %1 ưu đãi, %2 đã dùng (%3 tại cửa hàng, %4 trực tuyến).</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Omnichannel value</source>
        <translation>Giá trị khách hàng đa kênh</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Omnichannel</source>
        <translation>Đa kênh</translation>
    </message>
    <message>
        <source>Single channel</source>
        <translation>Một kênh</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Nghiên cứu</translation>
    </message>
    <message>
        <source>Feedback by touchpoint</source>
        <translation>Phản hồi theo điểm tiếp xúc</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Điểm tiếp xúc</translation>
    </message>
    <message>
        <source>%1 (%2 answers)</source>
        <translation>%1 (%2 câu trả lời)</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>Bình luận mới nhất</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Follow-ups by template and channel</source>
        <translation>Tin nhắn chăm sóc theo mẫu và kênh</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Đã mở</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Đã bấm</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Đã đặt hàng</translation>
    </message>
    <message>
        <source>In-store sales per associate</source>
        <translation>Doanh số tại cửa hàng theo nhân viên</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Nhân viên</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Lượt mua</translation>
    </message>
    <message>
        <source>%1 surveys answered (%2 of the visits and follow-ups of the period).</source>
        <translation>%1 khảo sát đã được trả lời (%2 số lượt ghé thăm và tin nhắn chăm sóc trong kỳ).</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Doanh thu</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ trọng</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>Người mua</translation>
    </message>
    <message>
        <source>Non-buyers</source>
        <translation>Người không mua</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Bình luận</translation>
    </message>
    <message>
        <source>Tasks per associate</source>
        <translation>Công việc theo nhân viên</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã làm</translation>
    </message>
    <message>
        <source>Done rate</source>
        <translation>Tỷ lệ hoàn thành</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Ưu đãi</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Ưu đãi</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Đã phát</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Đã dùng</translation>
    </message>
    <message>
        <source>Enter or a double-click on a row of the funnel, reasons, stages or associates lists the customers behind it.</source>
        <translation>Nhấn Enter hoặc nhấp đúp vào một dòng của phễu, lý do, giai đoạn hoặc nhân viên để xem danh sách khách hàng đằng sau con số đó.</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>Đang tải số liệu…</translation>
    </message>
    <message>
        <source>Offline: these are the figures kept from %1.</source>
        <translation>Ngoại tuyến: đây là số liệu đã lưu lúc %1.</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Số liệu lúc %1</translation>
    </message>
    <message>
        <source>%1 · %2 to %3</source>
        <translation>%1 · từ %2 đến %3</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Kỳ này</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Mới tham gia</translation>
    </message>
    <message>
        <source>Not enough purchases yet to compare omnichannel customers.</source>
        <translation>Chưa đủ lượt mua để so sánh khách hàng đa kênh.</translation>
    </message>
    <message>
        <source>Here, customers who buy in store and online are worth %1 more than single-channel customers (studies: about %2).</source>
        <translation>Tại đây, khách mua cả tại cửa hàng lẫn trực tuyến có giá trị cao hơn %1 so với khách chỉ mua qua một kênh (các nghiên cứu: khoảng %2).</translation>
    </message>
    <message>
        <source>Average customer value</source>
        <translation>Giá trị trung bình mỗi khách hàng</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Retention within 12 months</source>
        <translation>Giữ chân trong vòng 12 tháng</translation>
    </message>
    <message>
        <source>Purchases per customer per year</source>
        <translation>Số lượt mua mỗi khách mỗi năm</translation>
    </message>
    <message>
        <source>Retention, %</source>
        <translation>Tỷ lệ giữ chân, %</translation>
    </message>
    <message>
        <source>Not credited to an associate</source>
        <translation>Không ghi nhận cho nhân viên nào</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics for support</source>
        <translation>Thông tin chẩn đoán cho bộ phận hỗ trợ</translation>
    </message>
    <message>
        <source>Collecting the diagnostics…</source>
        <translation>Đang thu thập thông tin chẩn đoán…</translation>
    </message>
    <message>
        <source>Copy again</source>
        <translation>Sao chép lại</translation>
    </message>
    <message>
        <source>Save as file…</source>
        <translation>Lưu thành tệp…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The diagnostics are on the clipboard: paste them into your message to support. They hold no passwords and no customer data.</source>
        <translation>Thông tin chẩn đoán đã được sao chép: hãy dán vào tin nhắn gửi bộ phận hỗ trợ. Thông tin này không chứa mật khẩu hay dữ liệu khách hàng.</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Đã lưu vào %1.</translation>
    </message>
    <message>
        <source>Save the diagnostics</source>
        <translation>Lưu thông tin chẩn đoán</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tệp văn bản (*.txt)</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder.</source>
        <translation>Không thể lưu tệp. Hãy chọn thư mục khác.</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss the task</source>
        <translation>Bỏ qua việc này</translation>
    </message>
    <message>
        <source>Why is this task dismissed? %1</source>
        <translation>Vì sao bỏ qua việc này? %1</translation>
    </message>
    <message>
        <source>Why (needed when the reason is Other)</source>
        <translation>Lý do (bắt buộc khi chọn Lý do khác)</translation>
    </message>
    <message>
        <source>Why the task is dismissed</source>
        <translation>Lý do bỏ qua việc</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Say in a few words why the task is dismissed.</source>
        <translation>Hãy ghi ngắn gọn vì sao bỏ qua việc này.</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Loading the list…</source>
        <translation>Đang tải danh sách…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Nhân viên</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Enter or double-click opens the customer&apos;s profile.</source>
        <translation>Nhấn Enter hoặc nhấp đúp để mở hồ sơ khách hàng.</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>Không tải được danh sách: %1</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>Khách vãng lai</translation>
    </message>
    <message>
        <source>Nothing to list for this period.</source>
        <translation>Không có gì trong kỳ này.</translation>
    </message>
    <message>
        <source>The newest %1 of %2.</source>
        <translation>%1 mục mới nhất trong tổng số %2.</translation>
    </message>
    <message>
        <source>%1 in all.</source>
        <translation>Tổng cộng %1.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The hub cannot be reached. Check the network connection; your work is kept on this terminal and will be sent when the connection is back.</source>
        <translation>Không kết nối được máy chủ trung tâm. Hãy kiểm tra kết nối mạng; công việc của bạn vẫn được lưu trên máy này và sẽ được gửi khi có kết nối trở lại.</translation>
    </message>
    <message>
        <source>The hub reported a problem (%1). Try again in a moment; if it keeps happening, tell your manager.</source>
        <translation>Máy chủ trung tâm báo lỗi (%1). Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo cho quản lý.</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation>Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra và thử lại.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <source>Nobody is signed in on this terminal. Please sign in.</source>
        <translation>Chưa có ai đăng nhập trên máy này. Vui lòng đăng nhập.</translation>
    </message>
    <message>
        <source>The hub needs a newer version of Clienteling. Ask your manager to update this terminal.</source>
        <translation>Máy chủ trung tâm cần phiên bản Clienteling mới hơn. Hãy nhờ quản lý cập nhật máy này.</translation>
    </message>
    <message>
        <source>The data on this terminal was written by a newer version of Clienteling. Update the app; the data was left untouched.</source>
        <translation>Dữ liệu trên máy này được tạo bởi phiên bản Clienteling mới hơn. Hãy cập nhật ứng dụng; dữ liệu vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>The data file on this terminal is damaged. It was left untouched; contact support.</source>
        <translation>Tệp dữ liệu trên máy này bị hỏng. Tệp vẫn được giữ nguyên; hãy liên hệ bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <source>The data file on this terminal is still being checked, which takes a few seconds after start. Nothing was saved yet and nothing is lost: try again in a moment.</source>
        <translation>Tệp dữ liệu trên máy này vẫn đang được kiểm tra, việc này mất vài giây sau khi khởi động. Chưa có gì được lưu và không có gì bị mất: hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>The data on this terminal is encrypted, and this computer&apos;s keyring does not hold its key. The data was left untouched; ask your IT support to restore the keyring or to reset this terminal.</source>
        <translation>Dữ liệu trên máy này đã được mã hóa, nhưng kho khóa (keyring) của máy tính không có khóa giải mã. Dữ liệu vẫn được giữ nguyên; hãy nhờ bộ phận IT khôi phục kho khóa hoặc cài đặt lại máy này.</translation>
    </message>
    <message>
        <source>Clienteling is already using the data on this terminal in another window or task. Close it, then start Clienteling again.</source>
        <translation>Clienteling đang dùng dữ liệu của máy này trong một cửa sổ hoặc tác vụ khác. Hãy đóng nó rồi mở lại Clienteling.</translation>
    </message>
    <message>
        <source>This computer has no usable password store (keyring), so Clienteling cannot keep its sign-in safe; it never saves it in a plain file instead.</source>
        <translation>Máy tính này không có kho mật khẩu (keyring) dùng được, nên Clienteling không thể giữ thông tin đăng nhập an toàn; ứng dụng không bao giờ lưu chúng vào một tệp thường thay thế.</translation>
    </message>
    <message>
        <source>Some of what you entered is not valid. Check it and try again.</source>
        <translation>Một số thông tin bạn nhập không hợp lệ. Hãy kiểm tra và thử lại.</translation>
    </message>
    <message>
        <source>The action could not be completed. Try again in a moment.</source>
        <translation>Không thể hoàn tất thao tác. Hãy thử lại sau ít phút.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again; if it keeps happening, restart the app and tell your manager.</source>
        <translation>Đã xảy ra lỗi. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại ứng dụng và báo cho quản lý.</translation>
    </message>
    <message>
        <source>This terminal is enrolled for another store. Sign in at a terminal of your store.</source>
        <translation>Máy trạm này được đăng ký cho một cửa hàng khác. Hãy đăng nhập trên máy trạm của cửa hàng bạn.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled. Restart Clienteling and enter the enrollment code from your administrator.</source>
        <translation>Máy trạm này chưa được đăng ký. Hãy khởi động lại Clienteling và nhập mã đăng ký do quản trị viên cung cấp.</translation>
    </message>
    <message>
        <source>This terminal&apos;s enrollment is no longer valid. Ask your administrator for a new enrollment code.</source>
        <translation>Đăng ký của máy trạm này không còn hiệu lực. Hãy xin quản trị viên một mã đăng ký mới.</translation>
    </message>
    <message>
        <source>Open Keychain Access and unlock the login keychain, then start Clienteling again.</source>
        <translation>Hãy mở Keychain Access và mở khóa chuỗi khóa đăng nhập (login), rồi khởi động lại Clienteling.</translation>
    </message>
    <message>
        <source>Make sure the Windows Credential Manager service is running, then start Clienteling again.</source>
        <translation>Hãy đảm bảo dịch vụ Credential Manager của Windows đang chạy, rồi khởi động lại Clienteling.</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring, package gnome-keyring, or KWallet), then start Clienteling again.</source>
        <translation>Hãy cài đặt và mở khóa một keyring Secret Service (GNOME Keyring, gói gnome-keyring, hoặc KWallet), rồi khởi động lại Clienteling.</translation>
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
        <translation>Chứng chỉ bảo mật của hub đã hết hạn.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is not valid yet (check this computer&apos;s date).</source>
        <translation>Chứng chỉ bảo mật của hub chưa có hiệu lực (hãy kiểm tra ngày giờ của máy tính này).</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is self-signed, so this computer cannot trust it.</source>
        <translation>Chứng chỉ bảo mật của hub là chứng chỉ tự ký, nên máy tính này không thể tin cậy nó.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate was issued by an authority this computer does not trust.</source>
        <translation>Chứng chỉ bảo mật của hub do một tổ chức mà máy tính này không tin cậy cấp.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is for another address.</source>
        <translation>Chứng chỉ bảo mật của hub được cấp cho một địa chỉ khác.</translation>
    </message>
    <message>
        <source>A secure (https) connection to the hub could not be set up.</source>
        <translation>Không thể thiết lập kết nối bảo mật (https) tới hub.</translation>
    </message>
    <message>
        <source>Check the address with your IT support; do not continue on a connection that cannot be trusted.</source>
        <translation>Hãy kiểm tra địa chỉ với bộ phận IT; đừng tiếp tục trên một kết nối không đáng tin cậy.</translation>
    </message>
    <message>
        <source>This enrollment code is not valid. Check it (letters and digits, e.g. K7PQ-3MZX-W9RT) or ask your administrator for a new one.</source>
        <translation>Mã đăng ký này không hợp lệ. Hãy kiểm tra lại (chữ cái và chữ số, ví dụ K7PQ-3MZX-W9RT) hoặc xin quản trị viên một mã mới.</translation>
    </message>
    <message>
        <source>This enrollment code was already used: each code enrolls one terminal. Ask your administrator for a new one.</source>
        <translation>Mã đăng ký này đã được sử dụng: mỗi mã chỉ đăng ký được một máy trạm. Hãy xin quản trị viên một mã mới.</translation>
    </message>
    <message>
        <source>This enrollment code has expired. Ask your administrator for a new one.</source>
        <translation>Mã đăng ký này đã hết hạn. Hãy xin quản trị viên một mã mới.</translation>
    </message>
    <message>
        <source>This enrollment code was withdrawn. Ask your administrator for a new one.</source>
        <translation>Mã đăng ký này đã bị thu hồi. Hãy xin quản trị viên một mã mới.</translation>
    </message>
    <message>
        <source>This enrollment code is for another store.</source>
        <translation>Mã đăng ký này dành cho một cửa hàng khác.</translation>
    </message>
    <message>
        <source>This store is not known to the hub any more.</source>
        <translation>Hub không còn biết cửa hàng này nữa.</translation>
    </message>
    <message>
        <source>An administrator revoked this terminal. Ask them to reset and enroll it again.</source>
        <translation>Quản trị viên đã thu hồi máy trạm này. Hãy nhờ họ đặt lại và đăng ký lại máy.</translation>
    </message>
    <message>
        <source>Too many wrong codes were tried from this terminal. Wait a few minutes, then try again.</source>
        <translation>Đã thử quá nhiều mã sai từ máy trạm này. Hãy đợi vài phút rồi thử lại.</translation>
    </message>
    <message>
        <source>Something answers at this address, but it is not a Clienteling hub. Check the address.</source>
        <translation>Có máy chủ trả lời ở địa chỉ này, nhưng đó không phải là hub Clienteling. Hãy kiểm tra lại địa chỉ.</translation>
    </message>
    <message>
        <source>This is not a hub address. It looks like https://hub.example.com</source>
        <translation>Đây không phải là địa chỉ hub. Địa chỉ có dạng https://hub.example.com</translation>
    </message>
    <message>
        <source>Nothing answers at this address. Check it and the network connection, then try again.</source>
        <translation>Không có gì trả lời ở địa chỉ này. Hãy kiểm tra địa chỉ và kết nối mạng, rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Clienteling</source>
        <translation>Thiết lập Clienteling</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <source>Preparing this terminal</source>
        <translation>Đang chuẩn bị máy này</translation>
    </message>
    <message>
        <source>Downloading the customers of this store. This happens once.</source>
        <translation>Đang tải danh sách khách hàng của cửa hàng. Việc này chỉ diễn ra một lần.</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>%1 / %2 bản ghi</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 bản ghi</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>FollowupCheckDialog</name>
    <message>
        <source>Follow-ups to check</source>
        <translation>Tin nhắn chăm sóc cần kiểm tra</translation>
    </message>
    <message>
        <source>Sending these follow-ups stopped halfway, so nobody knows whether the customer got them. They are never sent again by themselves. Ask the provider (or the customer), then say what happened.</source>
        <translation>Việc gửi các tin nhắn chăm sóc này bị dừng giữa chừng, nên không ai biết khách hàng đã nhận được chưa. Chúng không bao giờ tự được gửi lại. Hãy hỏi nhà cung cấp (hoặc khách hàng), rồi cho biết điều gì đã xảy ra.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Tin nhắn</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Chuẩn bị lúc</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Nhân viên</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Điều đã xảy ra</translation>
    </message>
    <message>
        <source>It &amp;went out</source>
        <translation>Đã &amp;gửi đi</translation>
    </message>
    <message>
        <source>It went out: mark the follow-up as sent</source>
        <translation>Đã gửi đi: đánh dấu tin nhắn là đã gửi</translation>
    </message>
    <message>
        <source>It did &amp;not go out</source>
        <translation>&amp;Chưa gửi đi</translation>
    </message>
    <message>
        <source>It did not go out: mark the follow-up as failed</source>
        <translation>Chưa gửi đi: đánh dấu tin nhắn là thất bại</translation>
    </message>
    <message>
        <source>&amp;Refresh (F5)</source>
        <translation>&amp;Làm mới (F5)</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Đang hỏi máy chủ trung tâm…</translation>
    </message>
    <message>
        <source>This customer is not on this terminal: their id</source>
        <translation>Khách hàng này không có trên máy này: mã của họ</translation>
    </message>
    <message>
        <source>%1 follow-up(s) to check, oldest first.</source>
        <translation>%1 tin nhắn cần kiểm tra, cũ nhất trước.</translation>
    </message>
    <message>
        <source>Nothing to check: the outcome of every follow-up is known.</source>
        <translation>Không có gì cần kiểm tra: đã biết kết quả của mọi tin nhắn.</translation>
    </message>
    <message>
        <source>Did the follow-up to %1 go out?</source>
        <translation>Tin nhắn gửi %1 đã được gửi đi chưa?</translation>
    </message>
    <message>
        <source>It will count as sent, as if the sending had finished. Nothing is sent again.</source>
        <translation>Tin nhắn sẽ được tính là đã gửi, như thể việc gửi đã hoàn tất. Không có gì được gửi lại.</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Đánh dấu đã gửi</translation>
    </message>
    <message>
        <source>The follow-up to %1 did not go out?</source>
        <translation>Tin nhắn gửi %1 chưa được gửi đi?</translation>
    </message>
    <message>
        <source>It will end as failed and is never sent again from here. If the customer should still hear from the store, the associate can queue a new follow-up.</source>
        <translation>Tin nhắn sẽ kết thúc ở trạng thái thất bại và không bao giờ được gửi lại từ đây. Nếu khách hàng vẫn cần nhận tin từ cửa hàng, nhân viên có thể xếp một tin nhắn mới.</translation>
    </message>
    <message>
        <source>Mark as not sent</source>
        <translation>Đánh dấu chưa gửi</translation>
    </message>
    <message>
        <source>Telling the hub…</source>
        <translation>Đang báo cho máy chủ trung tâm…</translation>
    </message>
    <message>
        <source>Marked as sent.</source>
        <translation>Đã đánh dấu là đã gửi.</translation>
    </message>
    <message>
        <source>Marked as not sent: it ended as failed.</source>
        <translation>Đã đánh dấu chưa gửi: tin nhắn kết thúc ở trạng thái thất bại.</translation>
    </message>
    <message>
        <source>Someone else already settled this follow-up, or it is gone.</source>
        <translation>Người khác đã xử lý tin nhắn này, hoặc nó không còn nữa.</translation>
    </message>
    <message>
        <source>The hub cannot be reached: follow-ups can only be checked online. Try again when the connection is back.</source>
        <translation>Không kết nối được máy chủ trung tâm: chỉ có thể kiểm tra tin nhắn khi trực tuyến. Hãy thử lại khi có kết nối trở lại.</translation>
    </message>
    <message>
        <source>Only a store manager can check follow-ups.</source>
        <translation>Chỉ quản lý cửa hàng mới có thể kiểm tra tin nhắn.</translation>
    </message>
</context>
<context>
    <name>FollowupComposer</name>
    <message>
        <source>Send a follow-up</source>
        <translation>Gửi tin nhắn chăm sóc</translation>
    </message>
    <message>
        <source>Queue follow-up (Ctrl+Enter)</source>
        <translation>Đưa vào hàng đợi gửi (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Search the catalog to add a product…</source>
        <translation>Tìm trong danh mục để thêm sản phẩm…</translation>
    </message>
    <message>
        <source>A personal line, e.g. what suited them</source>
        <translation>Một lời nhắn riêng, ví dụ món nào hợp với khách</translation>
    </message>
    <message>
        <source>Personal line</source>
        <translation>Lời nhắn riêng</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Ưu đãi</translation>
    </message>
    <message>
        <source>Preview: exactly what the customer gets</source>
        <translation>Xem trước: đúng như khách hàng sẽ nhận</translation>
    </message>
    <message>
        <source>This customer is not on this terminal yet: sync first.</source>
        <translation>Khách hàng này chưa có trên máy này: hãy đồng bộ trước.</translation>
    </message>
    <message>
        <source>Follow-up for %1</source>
        <translation>Tin nhắn chăm sóc cho %1</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>ưu tiên</translation>
    </message>
    <message>
        <source>The customer agreed to no channel: no follow-up can be sent.</source>
        <translation>Khách hàng chưa đồng ý nhận tin qua kênh nào: không thể gửi tin nhắn.</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Giỏ hàng trực tuyến</translation>
    </message>
    <message>
        <source>Bought before</source>
        <translation>Đã mua trước đây</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 tại cửa hàng</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Không có ở đây</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Tiêu đề: %1</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 ký tự</translation>
    </message>
    <message>
        <source>%1 characters · %2 SMS · %3</source>
        <translation>%1 ký tự · %2 SMS · %3</translation>
    </message>
</context>
<context>
    <name>FollowupList</name>
    <message>
        <source>Send a follow-up (Ctrl+F)</source>
        <translation>Gửi tin nhắn chăm sóc (Ctrl+F)</translation>
    </message>
    <message>
        <source>No follow-up yet.</source>
        <translation>Chưa có tin nhắn chăm sóc nào.</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[chờ đồng bộ]</translation>
    </message>
    <message>
        <source>a product no longer sold</source>
        <translation>một sản phẩm không còn bán</translation>
    </message>
</context>
<context>
    <name>Followups</name>
    <message>
        <source>Thank you for the visit</source>
        <translation>Cảm ơn vì đã ghé thăm</translation>
    </message>
    <message>
        <source>Products you tried</source>
        <translation>Sản phẩm bạn đã thử</translation>
    </message>
    <message>
        <source>Your cart is available here today</source>
        <translation>Giỏ hàng có sẵn tại cửa hàng hôm nay</translation>
    </message>
    <message>
        <source>Delivery and packaging check-in</source>
        <translation>Hỏi thăm về giao hàng và đóng gói</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Sinh nhật</translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation>Chúng tôi nhớ bạn</translation>
    </message>
    <message>
        <source>Back in stock</source>
        <translation>Đã có hàng trở lại</translation>
    </message>
    <message>
        <source>No consent recorded for this channel</source>
        <translation>Chưa có sự đồng ý cho kênh này</translation>
    </message>
    <message>
        <source>The customer declined messages on this channel</source>
        <translation>Khách hàng đã từ chối nhận tin qua kênh này</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Không có địa chỉ email</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>Không có số điện thoại</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <source>Ideas to go with the first purchase</source>
        <translation>Gợi ý đi kèm lần mua đầu tiên</translation>
    </message>
    <message>
        <source>Thank you for your loyalty</source>
        <translation>Cảm ơn bạn đã luôn đồng hành</translation>
    </message>
    <message>
        <source>How was your visit?</source>
        <translation>Chuyến ghé thăm của bạn thế nào?</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Đã mở</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Đã mở liên kết</translation>
    </message>
    <message>
        <source>Ordered online</source>
        <translation>Đã đặt hàng trực tuyến</translation>
    </message>
    <message>
        <source>Not sent: no consent at sending time</source>
        <translation>Chưa gửi: không có sự đồng ý lúc gửi</translation>
    </message>
    <message>
        <source>Not sent: failed</source>
        <translation>Chưa gửi: gửi thất bại</translation>
    </message>
    <message>
        <source>Sending interrupted: to be checked</source>
        <translation>Việc gửi bị gián đoạn: cần kiểm tra</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Phím tắt (F1)</translation>
    </message>
    <message>
        <source>Copy diagnostics…</source>
        <translation>Sao chép thông tin chẩn đoán…</translation>
    </message>
    <message>
        <source>Versions, settings without passwords, sync state and recent log lines</source>
        <translation>Phiên bản, cấu hình (không có mật khẩu), trạng thái đồng bộ và nhật ký gần đây</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
</context>
<context>
    <name>HoldLabels</name>
    <message>
        <source>Cashback in store</source>
        <translation>Hoàn tiền tại cửa hàng</translation>
    </message>
    <message>
        <source>Gift in store</source>
        <translation>Quà tặng tại cửa hàng</translation>
    </message>
    <message>
        <source>Free delivery online</source>
        <translation>Miễn phí giao hàng trực tuyến</translation>
    </message>
    <message>
        <source>Free pickup of an online order</source>
        <translation>Miễn phí nhận tại cửa hàng cho đơn trực tuyến</translation>
    </message>
    <message>
        <source>This code does not exist. Check how it was typed.</source>
        <translation>Mã này không tồn tại. Hãy kiểm tra lại cách nhập.</translation>
    </message>
    <message>
        <source>This code was already used: it is valid only once.</source>
        <translation>Mã này đã được sử dụng: mỗi mã chỉ dùng được một lần.</translation>
    </message>
    <message>
        <source>This code has expired.</source>
        <translation>Mã này đã hết hạn.</translation>
    </message>
    <message>
        <source>This code is valid online only: it cannot be used here.</source>
        <translation>Mã này chỉ dùng khi mua trực tuyến: không thể dùng tại quầy.</translation>
    </message>
    <message>
        <source>Hold refused: %1</source>
        <translation>Không giữ được hàng: %1</translation>
    </message>
    <message>
        <source>Hold requested (pending)</source>
        <translation>Đã yêu cầu giữ hàng (đang chờ)</translation>
    </message>
    <message>
        <source>Held until %1</source>
        <translation>Giữ đến %1</translation>
    </message>
    <message>
        <source>Hold collected</source>
        <translation>Khách đã nhận hàng giữ</translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation>Đã hủy giữ hàng</translation>
    </message>
    <message>
        <source>Hold expired</source>
        <translation>Hết hạn giữ hàng</translation>
    </message>
    <message>
        <source>reserved online by the customer</source>
        <translation>khách tự đặt giữ trực tuyến</translation>
    </message>
    <message>
        <source>in store</source>
        <translation>tại cửa hàng</translation>
    </message>
    <message>
        <source>online</source>
        <translation>trực tuyến</translation>
    </message>
    <message>
        <source>Offer redeemed %1: %2</source>
        <translation>Đã dùng ưu đãi %1: %2</translation>
    </message>
    <message>
        <source>Offer sent: %1</source>
        <translation>Đã gửi ưu đãi: %1</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>mã %1</translation>
    </message>
</context>
<context>
    <name>HoldPanel</name>
    <message>
        <source>Hold for customer (Ctrl+H)</source>
        <translation>Giữ hàng cho khách (Ctrl+H)</translation>
    </message>
    <message>
        <source>Hold the selected item in this store</source>
        <translation>Giữ món hàng đã chọn tại cửa hàng này</translation>
    </message>
    <message>
        <source>Sets the item aside here for the customer; the hub confirms the hold.</source>
        <translation>Giữ sản phẩm tại đây cho khách; hệ thống trung tâm sẽ xác nhận.</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>Hủy giữ hàng</translation>
    </message>
    <message>
        <source>Holds for this customer</source>
        <translation>Hàng đang giữ cho khách này</translation>
    </message>
    <message>
        <source>product %1 (no longer sold)</source>
        <translation>sản phẩm %1 (không còn bán)</translation>
    </message>
    <message>
        <source>a product no longer sold</source>
        <translation>một sản phẩm không còn bán</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>bị từ chối: %1</translation>
    </message>
    <message>
        <source>pending: waiting for the hub</source>
        <translation>đang chờ hệ thống trung tâm xác nhận</translation>
    </message>
    <message>
        <source>held until %1</source>
        <translation>giữ đến %1</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>đã nhận</translation>
    </message>
    <message>
        <source>released</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>hết hạn</translation>
    </message>
    <message>
        <source>reserved by the customer online</source>
        <translation>khách tự đặt giữ trực tuyến</translation>
    </message>
</context>
<context>
    <name>HubHitsModel</name>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Cửa hàng chính</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Cửa hàng này</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>Connect to the hub</source>
        <translation>Kết nối tới hub</translation>
    </message>
    <message>
        <source>Enter the hub address your administrator gave you, e.g. https://hub.example.com</source>
        <translation>Nhập địa chỉ hub mà quản trị viên đã cung cấp, ví dụ https://hub.example.com</translation>
    </message>
    <message>
        <source>&amp;Hub address</source>
        <translation>Địa chỉ &amp;hub</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Địa chỉ hub</translation>
    </message>
    <message>
        <source>Checking the hub…</source>
        <translation>Đang kiểm tra hub…</translation>
    </message>
    <message>
        <source>Warning: this address uses http:// to another computer, so passwords and customer data would cross the network unencrypted. Use an https:// address if you can; press Next again only if your IT support says this network is private.</source>
        <translation>Cảnh báo: địa chỉ này dùng http:// tới một máy tính khác, nên mật khẩu và dữ liệu khách hàng sẽ đi qua mạng mà không được mã hóa. Hãy dùng địa chỉ https:// nếu có thể; chỉ nhấn Tiếp lần nữa nếu bộ phận IT xác nhận mạng này là mạng nội bộ riêng.</translation>
    </message>
    <message>
        <source>Connected: hub version %1.</source>
        <translation>Đã kết nối: hub phiên bản %1.</translation>
    </message>
</context>
<context>
    <name>HubSearchPanel</name>
    <message>
        <source>Search all stores (Ctrl+Shift+F)</source>
        <translation>Tìm ở mọi cửa hàng (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Search all stores on the hub</source>
        <translation>Tìm ở mọi cửa hàng trên máy chủ</translation>
    </message>
    <message>
        <source>Customers found on the hub</source>
        <translation>Khách hàng tìm thấy trên máy chủ</translation>
    </message>
    <message>
        <source>Not the customer you are looking for?</source>
        <translation>Không phải khách hàng bạn đang tìm?</translation>
    </message>
    <message>
        <source>Searching all stores…</source>
        <translation>Đang tìm ở mọi cửa hàng…</translation>
    </message>
    <message>
        <source>Found on the hub (Enter opens the profile):</source>
        <translation>Tìm thấy trên máy chủ (Enter để mở hồ sơ):</translation>
    </message>
    <message>
        <source>No customer of any store matches.</source>
        <translation>Không có khách hàng nào của bất kỳ cửa hàng nào khớp.</translation>
    </message>
    <message>
        <source>Searching all stores needs the network. The customers kept on this terminal are still found as usual.</source>
        <translation>Tìm ở mọi cửa hàng cần có mạng. Khách hàng lưu trên máy này vẫn được tìm như thường.</translation>
    </message>
    <message>
        <source>Fetching the profile from the hub…</source>
        <translation>Đang tải hồ sơ từ máy chủ…</translation>
    </message>
    <message>
        <source>Other stores&apos; customers are found by their exact phone, email or loyalty card.</source>
        <translation>Khách hàng của cửa hàng khác chỉ được tìm bằng đúng số điện thoại, email hoặc thẻ thành viên.</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <source>Products and stock</source>
        <translation>Sản phẩm và tồn kho</translation>
    </message>
    <message>
        <source>Find a product</source>
        <translation>Tìm sản phẩm</translation>
    </message>
    <message>
        <source>Product name, SKU or scan a barcode  (F3)</source>
        <translation>Tên sản phẩm, mã hàng hoặc quét mã vạch  (F3)</translation>
    </message>
    <message>
        <source>Matching products</source>
        <translation>Sản phẩm phù hợp</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>Cỡ / màu</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Giá</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Tại đây</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a few letters of the name or the SKU.</source>
        <translation>Quét mã vạch, hoặc gõ vài chữ của tên hay mã hàng.</translation>
    </message>
    <message>
        <source>Size and colour</source>
        <translation>Cỡ và màu</translation>
    </message>
    <message>
        <source>The same price in store and online</source>
        <translation>Cùng một giá tại cửa hàng và trực tuyến</translation>
    </message>
    <message>
        <source>Stock per location</source>
        <translation>Tồn kho theo địa điểm</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Khoảng cách</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Có thể bán</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Tồn thực tế</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Đã giữ</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Sắp về</translation>
    </message>
    <message>
        <source>From this store, as the crow flies</source>
        <translation>Tính từ cửa hàng này, theo đường chim bay</translation>
    </message>
    <message>
        <source>On its way, and the day it is expected</source>
        <translation>Đang trên đường về, và ngày dự kiến đến</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>none</source>
        <translation>hết</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>Không có sản phẩm nào khớp với “%1”.</translation>
    </message>
    <message>
        <source>%1 · %2 · SKU %3 · barcode %4</source>
        <translation>%1 · %2 · mã hàng %3 · mã vạch %4</translation>
    </message>
    <message>
        <source>%1 here · %2 in other stores · %3 online</source>
        <translation>%1 tại đây · %2 ở cửa hàng khác · %3 trực tuyến</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Cửa hàng này</translation>
    </message>
    <message>
        <source>Web warehouse (%1)</source>
        <translation>Kho bán hàng trực tuyến (%1)</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>List…</source>
        <translation>Danh sách…</translation>
    </message>
    <message>
        <source>List what %1 counts</source>
        <translation>Liệt kê những gì được tính trong %1</translation>
    </message>
    <message>
        <source>%1 on the previous period · chain average %2</source>
        <translation>%1 so với kỳ trước · trung bình chuỗi %2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>Khách mới</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>Mua lần đầu</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Thân thiết</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Có nguy cơ rời bỏ</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Đã lâu không mua</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
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
        <translation>Tại cửa hàng</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Qua điện thoại</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Đã đặt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Đã gửi hàng</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Đã giao</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả hàng</translation>
    </message>
    <message>
        <source>Partly returned</source>
        <translation>Trả một phần</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang mở</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Bỏ dở</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Đã đặt hàng</translation>
    </message>
    <message>
        <source>cart</source>
        <translation>giỏ hàng</translation>
    </message>
    <message>
        <source>contact details</source>
        <translation>thông tin liên hệ</translation>
    </message>
    <message>
        <source>shipping</source>
        <translation>giao hàng</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>thanh toán</translation>
    </message>
    <message>
        <source>review</source>
        <translation>xác nhận</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>Chưa có hạng</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Đồng</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Bạc</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Vàng</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Bạch kim</translation>
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
        <translation>Mã PIN không đúng. Số lần thử còn lại trước khi mã PIN bị khóa: %1.</translation>
    </message>
    <message>
        <source>This PIN is blocked after too many wrong attempts. Sign in with your password; the PIN works again after that.</source>
        <translation>Mã PIN này đã bị khóa do nhập sai quá nhiều lần. Hãy đăng nhập bằng mật khẩu; sau đó mã PIN sẽ dùng lại được.</translation>
    </message>
    <message>
        <source>This terminal is enrolled for another store than yours, so your PIN does not open it. Sign in at a terminal of your store.</source>
        <translation>Máy này đã được đăng ký cho một cửa hàng khác cửa hàng của bạn, nên mã PIN của bạn không mở được. Hãy đăng nhập tại một máy của cửa hàng bạn.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits, nothing else.</source>
        <translation>Mã PIN gồm từ 4 đến 8 chữ số, không có ký tự nào khác.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (the same digit repeated, or digits in a row such as 1234). Choose another one.</source>
        <translation>Mã PIN này quá dễ đoán (lặp lại một chữ số hoặc các chữ số liên tiếp như 1234). Hãy chọn mã khác.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This terminal is locked</source>
        <translation>Máy này đang bị khóa</translation>
    </message>
    <message>
        <source>Customer data is hidden. Choose your name and type your PIN to continue.</source>
        <translation>Dữ liệu khách hàng đã được ẩn. Hãy chọn tên của bạn và nhập mã PIN để tiếp tục.</translation>
    </message>
    <message>
        <source>Nobody has a PIN on this terminal yet: sign in with your password.</source>
        <translation>Chưa ai có mã PIN trên máy này: hãy đăng nhập bằng mật khẩu.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>Sign in with password</source>
        <translation>Đăng nhập bằng mật khẩu</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>%1 (PIN blocked: sign in with the password)</source>
        <translation>%1 (mã PIN bị khóa: hãy đăng nhập bằng mật khẩu)</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Hãy nhập mã PIN của bạn.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Offline: the hub cannot be reached. Keep working; your changes are kept and will be sent when the connection is back.</source>
        <translation>Ngoại tuyến: không kết nối được máy chủ trung tâm. Bạn cứ tiếp tục làm việc; các thay đổi được lưu lại và sẽ được gửi khi có kết nối trở lại.</translation>
    </message>
    <message>
        <source>Search by name, phone, email or loyalty card  (Ctrl+K)</source>
        <translation>Tìm theo tên, số điện thoại, email hoặc thẻ thành viên  (Ctrl+K)</translation>
    </message>
    <message>
        <source>New customer (Ctrl+Shift+N)</source>
        <translation>Khách hàng mới (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Dashboard (Ctrl+Shift+D)</source>
        <translation>Bảng điều khiển (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Visitor (Ctrl+Shift+L)</source>
        <translation>Khách vãng lai (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Log the visit of someone without a profile</source>
        <translation>Ghi lại lượt ghé của người chưa có hồ sơ</translation>
    </message>
    <message>
        <source>Tasks (Ctrl+T)</source>
        <translation>Việc cần làm (Ctrl+T)</translation>
    </message>
    <message>
        <source>Show these keyboard shortcuts</source>
        <translation>Hiện các phím tắt này</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Tìm khách hàng</translation>
    </message>
    <message>
        <source>Search all stores on the hub</source>
        <translation>Tìm ở mọi cửa hàng trên máy chủ</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Khách hàng mới</translation>
    </message>
    <message>
        <source>Write a note on the profile</source>
        <translation>Viết ghi chú vào hồ sơ</translation>
    </message>
    <message>
        <source>Edit the profile and consent</source>
        <translation>Sửa hồ sơ và sự đồng ý</translation>
    </message>
    <message>
        <source>Log the visit of this customer</source>
        <translation>Ghi nhận lượt ghé thăm của khách này</translation>
    </message>
    <message>
        <source>Log a visitor without profile</source>
        <translation>Ghi nhận khách vãng lai không có hồ sơ</translation>
    </message>
    <message>
        <source>Send a follow-up</source>
        <translation>Gửi tin nhắn chăm sóc</translation>
    </message>
    <message>
        <source>Book an appointment for this customer</source>
        <translation>Đặt lịch hẹn cho khách này</translation>
    </message>
    <message>
        <source>Products and stock</source>
        <translation>Sản phẩm và tồn kho</translation>
    </message>
    <message>
        <source>Store dashboard (managers)</source>
        <translation>Bảng điều khiển cửa hàng (quản lý)</translation>
    </message>
    <message>
        <source>Follow-ups to check after an interrupted sending (managers)</source>
        <translation>Tin nhắn cần kiểm tra sau khi việc gửi bị gián đoạn (quản lý)</translation>
    </message>
    <message>
        <source>Redeem an offer code at the till</source>
        <translation>Dùng mã ưu đãi tại quầy thu ngân</translation>
    </message>
    <message>
        <source>The store&apos;s tasks</source>
        <translation>Việc cần làm của cửa hàng</translation>
    </message>
    <message>
        <source>In the search box: open the only match, or go to the results</source>
        <translation>Trong ô tìm kiếm: mở kết quả duy nhất, hoặc chuyển đến danh sách kết quả</translation>
    </message>
    <message>
        <source>Move between the search box and the results</source>
        <translation>Di chuyển giữa ô tìm kiếm và kết quả</translation>
    </message>
    <message>
        <source>Clear the search box; close a dialog</source>
        <translation>Xóa ô tìm kiếm; đóng hộp thoại</translation>
    </message>
    <message>
        <source>Save the note, the visit or the follow-up being written</source>
        <translation>Lưu ghi chú, lượt ghé thăm hoặc tin nhắn đang soạn</translation>
    </message>
    <message>
        <source>On the online cart: hold the selected item for the customer</source>
        <translation>Trong giỏ hàng trực tuyến: giữ sản phẩm đã chọn cho khách</translation>
    </message>
    <message>
        <source>In the task list: mark the task done (with the outcome note)</source>
        <translation>Trong danh sách việc: đánh dấu đã xong (kèm ghi chú kết quả)</translation>
    </message>
    <message>
        <source>In the task list: snooze the task until tomorrow</source>
        <translation>Trong danh sách việc: hoãn việc đến ngày mai</translation>
    </message>
    <message>
        <source>On a reply in the timeline: show the follow-up it answers</source>
        <translation>Trên một phản hồi trong dòng thời gian: hiện tin nhắn chăm sóc mà nó trả lời</translation>
    </message>
    <message>
        <source>In the task list: dismiss the task with a reason</source>
        <translation>Trong danh sách việc: bỏ qua việc kèm lý do</translation>
    </message>
    <message>
        <source>In the task list: move the selected appointment</source>
        <translation>Trong danh sách việc: dời lịch hẹn đang chọn</translation>
    </message>
    <message>
        <source>In the task list: cancel the selected appointment</source>
        <translation>Trong danh sách việc: hủy lịch hẹn đang chọn</translation>
    </message>
    <message>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Tất cả cửa hàng</translation>
    </message>
    <message>
        <source>Clienteling — %1 — %2</source>
        <translation>Clienteling — %1 — %2</translation>
    </message>
    <message>
        <source>Follow-up sent</source>
        <translation>Đã gửi tin nhắn chăm sóc</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <source>&amp;Manager</source>
        <translation>&amp;Quản lý</translation>
    </message>
    <message>
        <source>Follow-ups to check… (Ctrl+Shift+O)</source>
        <translation>Tin nhắn cần kiểm tra… (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Follow-ups whose sending was interrupted: say whether they went out</source>
        <translation>Tin nhắn bị gián đoạn khi gửi: cho biết đã gửi đi chưa</translation>
    </message>
    <message>
        <source>Open the follow-ups to check (Ctrl+Shift+O)</source>
        <translation>Mở các tin nhắn cần kiểm tra (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Follow-ups to check: %1</source>
        <translation>Tin nhắn cần kiểm tra: %1</translation>
    </message>
</context>
<context>
    <name>MetricHelp</name>
    <message>
        <source>Sum of what customers kept from purchases at this store&apos;s counter in the period: returned items are taken off, fully returned purchases count zero. Compared with the period of the same length just before, and with the average of the chain&apos;s stores.</source>
        <translation>Tổng giá trị khách hàng giữ lại từ các lượt mua tại quầy cửa hàng trong kỳ: hàng trả lại bị trừ ra, đơn trả lại toàn bộ tính bằng không. So sánh với kỳ có cùng độ dài ngay trước đó và với mức trung bình của các cửa hàng trong chuỗi.</translation>
    </message>
    <message>
        <source>Purchases at this store&apos;s counter in the period by customers with a profile, fully returned ones excluded. Anonymous sales are not here: the funnel&apos;s &quot;Bought in store&quot; counts the visits that ended with a purchase, anonymous visitors included. Days are this store&apos;s local days.</source>
        <translation>Các lần mua tại quầy của cửa hàng này trong kỳ của khách hàng có hồ sơ, không tính các lần mua đã trả lại toàn bộ. Bán hàng cho khách vô danh không nằm ở đây: mục &quot;Mua tại cửa hàng&quot; của phễu đếm các lượt ghé kết thúc bằng một lần mua, kể cả khách vãng lai. Ngày là ngày theo giờ địa phương của cửa hàng.</translation>
    </message>
    <message>
        <source>Net revenue of web and phone orders placed in the period by customers whose home store is this store.</source>
        <translation>Doanh thu thuần của các đơn hàng trực tuyến và qua điện thoại trong kỳ của khách hàng thuộc cửa hàng này.</translation>
    </message>
    <message>
        <source>Net revenue of web and phone orders credited to this store, for example because the customer ordered from a follow-up one of its associates sent.</source>
        <translation>Doanh thu thuần của các đơn hàng trực tuyến và qua điện thoại được ghi nhận cho cửa hàng này, ví dụ khi khách đặt hàng từ tin nhắn chăm sóc do nhân viên cửa hàng gửi.</translation>
    </message>
    <message>
        <source>Customer profiles with this home store created in the period, at the counter or online. Merged duplicates count once.</source>
        <translation>Hồ sơ khách hàng thuộc cửa hàng này được tạo trong kỳ, tại quầy hoặc trực tuyến. Các bản trùng đã gộp chỉ tính một lần.</translation>
    </message>
    <message>
        <source>the last follow-up touch within the hub&apos;s attribution window wins</source>
        <translation>lần tương tác cuối cùng trong khoảng thời gian ghi nhận của hub được tính</translation>
    </message>
    <message>
        <source>the last follow-up touch within %n day(s) wins</source>
        <translation>lần tương tác cuối cùng trong vòng %n ngày được tính</translation>
    </message>
    <message>
        <source>Store visits logged in the period (anonymous visitors included) and how many ended with a purchase here: the in-store conversion, typically 30-35 % in retail. Then the follow-ups this store queued in the period: how many reached the customer, were opened, had a link clicked, put something in an online cart, and the online orders credited to the store (%1). Each rate is a share of the step before it.</source>
        <translation>Các lượt ghé thăm cửa hàng được ghi nhận trong kỳ (kể cả khách vãng lai) và số lượt kết thúc bằng việc mua tại đây: tỷ lệ chuyển đổi tại cửa hàng, thường là 30-35 % trong bán lẻ. Tiếp theo là các tin nhắn chăm sóc cửa hàng đã xếp hàng gửi trong kỳ: bao nhiêu tin đến được khách, được mở, được bấm vào liên kết, khiến khách thêm hàng vào giỏ trực tuyến, và các đơn hàng trực tuyến được ghi nhận cho cửa hàng (%1). Mỗi tỷ lệ là phần trăm so với bước trước đó.</translation>
    </message>
    <message>
        <source>The reasons associates logged for visits that ended without a purchase here, most frequent first, with the previous period for the trend.</source>
        <translation>Các lý do nhân viên ghi nhận cho những lượt ghé thăm kết thúc mà không mua tại đây, thường gặp nhất trước, kèm kỳ trước để thấy xu hướng.</translation>
    </message>
    <message>
        <source>Survey answers given in the period, from the QR code or link handed over at the counter and from follow-ups, by touchpoint, buyers and non-buyers apart: how many answers and the average score out of 5. Surveys answered are counted per visit logged and follow-up sent in the same period.</source>
        <translation>Các câu trả lời khảo sát trong kỳ, từ mã QR hoặc liên kết trao tại quầy và từ tin nhắn chăm sóc, theo điểm tiếp xúc, tách riêng người mua và người không mua: số câu trả lời và điểm trung bình trên 5. Số khảo sát đã trả lời được tính trên mỗi lượt ghé thăm và tin nhắn chăm sóc đã gửi trong cùng kỳ.</translation>
    </message>
    <message>
        <source>The newest written answers to the surveys of the period, with their touchpoint and score. Customers wrote them; they are shown as written.</source>
        <translation>Các câu trả lời viết mới nhất của khảo sát trong kỳ, kèm điểm tiếp xúc và điểm số. Do khách hàng viết và được hiển thị nguyên văn.</translation>
    </message>
    <message>
        <source>Follow-ups this store queued in the period, per template and channel: how many reached the customer, were opened, had a link clicked, led to an online order, and the net revenue of the orders credited to them.</source>
        <translation>Các tin nhắn chăm sóc cửa hàng đã xếp hàng gửi trong kỳ, theo mẫu và kênh: bao nhiêu tin đến được khách, được mở, được bấm vào liên kết, dẫn đến đơn hàng trực tuyến, và doanh thu thuần của các đơn hàng được ghi nhận cho chúng.</translation>
    </message>
    <message>
        <source>Stages at the end of the period, from purchase history: New (no purchase yet), First purchase (one, recent), Loyal (two or more, recent), At risk (nothing for 180 days), Lapsed (nothing for 365 days). The table lists customers whose stage changed between the start and the end of the period.</source>
        <translation>Giai đoạn vào cuối kỳ, theo lịch sử mua hàng: Mới (chưa mua), Lần mua đầu (một lần, gần đây), Trung thành (hai lần trở lên, gần đây), Có nguy cơ (không mua trong 180 ngày), Đã rời bỏ (không mua trong 365 ngày). Bảng liệt kê khách hàng đã chuyển giai đoạn giữa đầu và cuối kỳ.</translation>
    </message>
    <message>
        <source>Omnichannel customers bought both at a store counter and online (web or phone); single-channel customers bought in only one of the two. Customer value is all their net purchases up to the end of the period. Retention: of the customers whose first purchase is at least 12 months old, the share who bought again within 12 months of it. Beside them, the figures retail studies publish.</source>
        <translation>Khách hàng đa kênh đã mua cả tại quầy cửa hàng lẫn trực tuyến (web hoặc điện thoại); khách hàng một kênh chỉ mua qua một trong hai. Giá trị khách hàng là tổng số tiền mua thuần đến cuối kỳ. Giữ chân: trong số khách có lần mua đầu tiên cách đây ít nhất 12 tháng, tỷ lệ đã mua lại trong vòng 12 tháng sau đó. Bên cạnh là số liệu do các nghiên cứu bán lẻ công bố.</translation>
    </message>
    <message>
        <source>Purchases at this store&apos;s counter in the period credited to each associate, with the number of distinct customers and the share of the store&apos;s in-store revenue. Counts and rates matter as much as the ranking.</source>
        <translation>Các lượt mua tại quầy cửa hàng trong kỳ được ghi nhận cho từng nhân viên, kèm số khách hàng khác nhau và tỷ trọng trong doanh thu tại cửa hàng. Số lượng và tỷ lệ quan trọng không kém thứ hạng.</translation>
    </message>
    <message>
        <source>Tasks the hub created for this store in the period (welcome, second purchase, VIP thank-you, at-risk check-in, win-back, cart available here, post-purchase check-in), per associate: the one assigned, else the one who did it. Done rate: done so far out of created; on time: done by the due time, out of done. Dismissed: set aside by an associate with a reason (not counted as done).</source>
        <translation>Các công việc hệ thống tạo cho cửa hàng này trong kỳ (chào mừng, lần mua thứ hai, cảm ơn khách VIP, hỏi thăm khách có nguy cơ rời bỏ, mời khách quay lại, giỏ hàng có sẵn tại đây, hỏi thăm sau mua hàng), theo nhân viên: người được giao, nếu không thì người đã làm. Tỷ lệ hoàn thành: số đã làm trên số được tạo; đúng hạn: số làm xong trước hạn trên số đã làm. Đã bỏ qua: nhân viên gạt sang bên kèm lý do (không tính là đã làm).</translation>
    </message>
    <message>
        <source>Single-use offer codes carried by this store&apos;s follow-ups in the period, and how many were redeemed, at the till or online. Each code works once.</source>
        <translation>Các mã ưu đãi dùng một lần đi kèm tin nhắn chăm sóc của cửa hàng trong kỳ, và số mã đã được dùng, tại quầy hoặc trực tuyến. Mỗi mã chỉ dùng được một lần.</translation>
    </message>
    <message>
        <source>Store visits</source>
        <translation>Lượt ghé thăm cửa hàng</translation>
    </message>
    <message>
        <source>Bought in store</source>
        <translation>Mua tại cửa hàng</translation>
    </message>
    <message>
        <source>Follow-ups sent</source>
        <translation>Tin nhắn chăm sóc đã gửi</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Đã mở</translation>
    </message>
    <message>
        <source>Link clicked</source>
        <translation>Đã bấm liên kết</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Giỏ hàng trực tuyến</translation>
    </message>
    <message>
        <source>Online order</source>
        <translation>Đơn hàng trực tuyến</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Nhân viên</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Giá</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Giao hàng</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>Đóng gói</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Đổi trả</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>Khách hàng mới</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Họ</translation>
    </message>
    <message>
        <source>Any format, e.g. 06 12 34 56 78</source>
        <translation>Định dạng bất kỳ, ví dụ 06 12 34 56 78</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Country of the phone number</source>
        <translation>Quốc gia của số điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Optional: scan or type the card</source>
        <translation>Không bắt buộc: quét hoặc nhập số thẻ</translation>
    </message>
    <message>
        <source>Loyalty card</source>
        <translation>Thẻ thành viên</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Kênh ưu tiên</translation>
    </message>
    <message>
        <source>Agrees to be contacted by</source>
        <translation>Đồng ý được liên hệ qua</translation>
    </message>
    <message>
        <source>Open this profile</source>
        <translation>Mở hồ sơ này</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>The given name is required.</source>
        <translation>Cần nhập tên.</translation>
    </message>
    <message>
        <source>The family name is required.</source>
        <translation>Cần nhập họ.</translation>
    </message>
    <message>
        <source>Not a valid phone number for %1.</source>
        <translation>Số điện thoại không hợp lệ cho %1.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Đây không giống một địa chỉ email.</translation>
    </message>
    <message>
        <source>A loyalty card number has 6 to 32 letters or digits.</source>
        <translation>Số thẻ thành viên gồm 6 đến 32 chữ cái hoặc chữ số.</translation>
    </message>
    <message>
        <source>Already known: %1 (%2). Open that profile instead?</source>
        <translation>Đã có: %1 (%2). Mở hồ sơ đó thay vì tạo mới?</translation>
    </message>
    <message>
        <source>Other customers have the same details too.</source>
        <translation>Cũng có khách hàng khác trùng thông tin này.</translation>
    </message>
    <message>
        <source>another store</source>
        <translation>một cửa hàng khác</translation>
    </message>
    <message>
        <source>Already a customer of %3: %1 (%2). Use the existing profile instead of creating a duplicate?</source>
        <translation>Đã là khách hàng của %3: %1 (%2). Dùng hồ sơ có sẵn thay vì tạo bản trùng?</translation>
    </message>
    <message>
        <source>Use the existing profile</source>
        <translation>Dùng hồ sơ có sẵn</translation>
    </message>
</context>
<context>
    <name>OfferChoice</name>
    <message>
        <source>Offer</source>
        <translation>Ưu đãi</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Không có ưu đãi</translation>
    </message>
    <message>
        <source>Reserve-for-pickup link</source>
        <translation>Liên kết giữ hàng để nhận</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN for quick switch</source>
        <translation>Mã PIN để chuyển người dùng nhanh</translation>
    </message>
    <message>
        <source>With a PIN you unlock this terminal, or take it over from a colleague, without your password. It works on this terminal only and is never sent anywhere.</source>
        <translation>Với mã PIN, bạn có thể mở khóa máy này hoặc tiếp quản máy từ đồng nghiệp mà không cần mật khẩu. Mã chỉ dùng được trên máy này và không bao giờ được gửi đi đâu.</translation>
    </message>
    <message>
        <source>New PIN (4 to 8 digits)</source>
        <translation>Mã PIN mới (4 đến 8 chữ số)</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>Lưu mã PIN</translation>
    </message>
    <message>
        <source>Remove my PIN</source>
        <translation>Xóa mã PIN của tôi</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Hai mã PIN không khớp. Hãy nhập cùng một mã hai lần.</translation>
    </message>
</context>
<context>
    <name>PinOfferDialog</name>
    <message>
        <source>Quick switching</source>
        <translation>Chuyển đổi nhanh</translation>
    </message>
    <message>
        <source>Set a PIN for quick switching?</source>
        <translation>Đặt mã PIN để chuyển đổi nhanh?</translation>
    </message>
    <message>
        <source>With a PIN you unlock this terminal, or take it over from a colleague, in a few keys instead of your password. It stays on this terminal.</source>
        <translation>Với mã PIN, bạn mở khóa máy này hoặc nhận máy từ đồng nghiệp chỉ bằng vài phím thay vì mật khẩu. Mã PIN chỉ lưu trên máy này.</translation>
    </message>
    <message>
        <source>Set a PIN…</source>
        <translation>Đặt mã PIN…</translation>
    </message>
    <message>
        <source>Set a PIN now</source>
        <translation>Đặt mã PIN ngay</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Not now: do not ask again here</source>
        <translation>Để sau: không hỏi lại trên máy này</translation>
    </message>
</context>
<context>
    <name>ProfileEdit</name>
    <message>
        <source>Top</source>
        <translation>Áo</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Quần</translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation>Giày</translation>
    </message>
    <message>
        <source>%1 (bought: %2)</source>
        <translation>%1 (đã mua: %2)</translation>
    </message>
    <message>
        <source>bought: %1</source>
        <translation>đã mua: %1</translation>
    </message>
    <message>
        <source>Sizes: %1</source>
        <translation>Cỡ: %1</translation>
    </message>
    <message>
        <source>Style: %1</source>
        <translation>Phong cách: %1</translation>
    </message>
    <message>
        <source>Brands: %1</source>
        <translation>Thương hiệu: %1</translation>
    </message>
    <message>
        <source>Birthday %1</source>
        <translation>Sinh nhật %1</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>Sửa hồ sơ</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[chờ đồng bộ]</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Liên hệ</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Họ</translation>
    </message>
    <message>
        <source>Any format; several separated by commas</source>
        <translation>Định dạng bất kỳ; nhiều số cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Several separated by commas</source>
        <translation>Nhiều địa chỉ cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Kênh ưu tiên</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Sở thích</translation>
    </message>
    <message>
        <source>Sizes (top, bottom, shoes)</source>
        <translation>Cỡ (áo, quần, giày)</translation>
    </message>
    <message>
        <source>e.g. classic, navy and beige</source>
        <translation>vd.: cổ điển, xanh navy và màu be</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Phong cách</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Brands</source>
        <translation>Thương hiệu</translation>
    </message>
    <message>
        <source>Day/month, year optional: 14/05/1990</source>
        <translation>Ngày/tháng, năm không bắt buộc: 14/05/1990</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Sinh nhật</translation>
    </message>
    <message>
        <source>e.g. wedding 12/06; name day 24/07</source>
        <translation>vd. cưới 12/06; giỗ 24/07</translation>
    </message>
    <message>
        <source>Other important dates</source>
        <translation>Các ngày quan trọng khác</translation>
    </message>
    <message>
        <source>Agrees to be contacted by</source>
        <translation>Đồng ý được liên hệ qua</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>This customer is not on this terminal any more.</source>
        <translation>Khách hàng này không còn trên máy này nữa.</translation>
    </message>
    <message>
        <source>The hub refused changes to this customer:</source>
        <translation>Máy chủ trung tâm đã từ chối một số thay đổi của khách hàng này:</translation>
    </message>
    <message>
        <source>Not a valid phone number: %1</source>
        <translation>Số điện thoại không hợp lệ: %1</translation>
    </message>
    <message>
        <source>This does not look like an email address: %1</source>
        <translation>Đây không giống địa chỉ email: %1</translation>
    </message>
    <message>
        <source>Not a date: write day/month, e.g. 14/05.</source>
        <translation>Ngày không hợp lệ: hãy viết ngày/tháng, vd. 14/05.</translation>
    </message>
    <message>
        <source>Write each date after its name, separated by semicolons: wedding 12/06.</source>
        <translation>Ghi mỗi ngày sau tên của nó, cách nhau bằng dấu chấm phẩy: cưới 12/06.</translation>
    </message>
    <message>
        <source>The given name is required.</source>
        <translation>Cần nhập tên.</translation>
    </message>
    <message>
        <source>The family name is required.</source>
        <translation>Cần nhập họ.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Đồng ý liên hệ</translation>
    </message>
    <message>
        <source>Did the customer agree to be contacted by %1?</source>
        <translation>Khách hàng đã đồng ý được liên hệ qua %1 chưa?</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Search for a customer by name, phone, email or loyalty card.</source>
        <translation>Tìm khách hàng theo tên, số điện thoại, email hoặc thẻ thành viên.</translation>
    </message>
    <message>
        <source>Edit profile (Ctrl+E)</source>
        <translation>Sửa hồ sơ (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export customer data…</source>
        <translation>Xuất dữ liệu khách hàng…</translation>
    </message>
    <message>
        <source>Log visit (Ctrl+L)</source>
        <translation>Ghi lượt ghé (Ctrl+L)</translation>
    </message>
    <message>
        <source>Book appointment (Ctrl+Shift+A)</source>
        <translation>Đặt lịch hẹn (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>Giá trị khách hàng</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Điểm thành viên</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Kênh ưa thích</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Cửa hàng chính</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Cửa hàng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>Cỡ / màu</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>SL</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Giá</translation>
    </message>
    <message>
        <source>In stock here</source>
        <translation>Còn hàng tại đây</translation>
    </message>
    <message>
        <source>Other stores</source>
        <translation>Cửa hàng khác</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Giỏ hàng online</translation>
    </message>
    <message>
        <source>Available in the chain&apos;s other stores together; point at a figure for each store, nearest first</source>
        <translation>Tổng số có sẵn ở các cửa hàng khác trong chuỗi; trỏ vào con số để xem từng cửa hàng, gần nhất trước</translation>
    </message>
    <message>
        <source>Available in the web warehouse</source>
        <translation>Có thể bán ở kho bán hàng trực tuyến</translation>
    </message>
    <message>
        <source>Often bought together with this cart</source>
        <translation>Thường được mua cùng giỏ hàng này</translation>
    </message>
    <message>
        <source>Write a note about this visit…</source>
        <translation>Ghi chú về lần ghé thăm này…</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Thêm ghi chú (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Timeline (%1)</source>
        <translation>Dòng thời gian (%1)</translation>
    </message>
    <message>
        <source>Follow-ups (%1)</source>
        <translation>Tin nhắn chăm sóc (%1)</translation>
    </message>
    <message>
        <source>Agreed to be contacted, %1</source>
        <translation>Đồng ý nhận liên hệ, %1</translation>
    </message>
    <message>
        <source>Did not agree to be contacted, %1</source>
        <translation>Không đồng ý nhận liên hệ, %1</translation>
    </message>
    <message>
        <source>No consent recorded: do not contact on this channel</source>
        <translation>Chưa có sự đồng ý: không liên hệ qua kênh này</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Thẻ %1</translation>
    </message>
    <message>
        <source>No contact details</source>
        <translation>Không có thông tin liên hệ</translation>
    </message>
    <message>
        <source>The hub refused a change: %1</source>
        <translation>Máy chủ trung tâm đã từ chối một thay đổi: %1</translation>
    </message>
    <message>
        <source>Other store · home store: %1</source>
        <translation>Cửa hàng khác · cửa hàng chính: %1</translation>
    </message>
    <message>
        <source>Other store</source>
        <translation>Cửa hàng khác</translation>
    </message>
    <message>
        <source>A customer of another store, looked up on the hub. Notes and visits logged here reach their home store.</source>
        <translation>Khách hàng của cửa hàng khác, được tìm trên hub. Ghi chú và lượt ghé ghi tại đây sẽ đến cửa hàng chính của họ.</translation>
    </message>
    <message>
        <source>Refreshed from the hub while the lookup lasts (30 days).</source>
        <translation>Được cập nhật từ hub trong thời hạn tra cứu (30 ngày).</translation>
    </message>
    <message>
        <source>Purchases (%1)</source>
        <translation>Đơn mua (%1)</translation>
    </message>
    <message>
        <source>(%1 returned)</source>
        <translation>(đã trả %1)</translation>
    </message>
    <message>
        <source>Online cart (%1)</source>
        <translation>Giỏ hàng online (%1)</translation>
    </message>
    <message>
        <source>No online cart right now.</source>
        <translation>Hiện không có giỏ hàng online.</translation>
    </message>
    <message>
        <source>Abandoned at %1</source>
        <translation>Bỏ dở ở bước %1</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, ở bước %2</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · cập nhật %2</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>Mã hàng %1</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>Còn %1</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Hết hàng tại đây</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Tổng %1</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Ghi chú (%1)</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[chờ đồng bộ]</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RecentViewsPanel</name>
    <message>
        <source>Recently viewed online</source>
        <translation>Đã xem gần đây trên web</translation>
    </message>
    <message>
        <source>No products viewed online in the last 30 days.</source>
        <translation>Không có sản phẩm nào được xem trên web trong 30 ngày qua.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>Cỡ / màu</translation>
    </message>
    <message>
        <source>Last viewed</source>
        <translation>Xem lần cuối</translation>
    </message>
    <message>
        <source>The latest view on the web shop; ×2: viewed twice in the last 30 days</source>
        <translation>Lần xem gần nhất trên cửa hàng web; ×2: đã xem hai lần trong 30 ngày qua</translation>
    </message>
    <message>
        <source>Last viewed %1, %2 views in the last 30 days</source>
        <translation>Xem lần cuối %1, %2 lượt xem trong 30 ngày qua</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Giá</translation>
    </message>
    <message>
        <source>In stock here</source>
        <translation>Còn hàng tại đây</translation>
    </message>
    <message>
        <source>Other stores</source>
        <translation>Cửa hàng khác</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>Mã hàng %1</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem an offer code</source>
        <translation>Dùng mã ưu đãi</translation>
    </message>
    <message>
        <source>&amp;Code given by the customer (e.g. 7K2QF-M9XDA)</source>
        <translation>&amp;Mã khách đưa (ví dụ 7K2QF-M9XDA)</translation>
    </message>
    <message>
        <source>Offer code</source>
        <translation>Mã ưu đãi</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Dùng mã</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Đang hỏi hệ thống trung tâm…</translation>
    </message>
    <message>
        <source>The hub cannot be reached: a code can only be redeemed online. Try again when the connection is back.</source>
        <translation>Không kết nối được hệ thống trung tâm: chỉ có thể dùng mã khi có kết nối. Hãy thử lại khi có mạng.</translation>
    </message>
    <message>
        <source>✓ Redeemed: %1. Code %2 cannot be used again.</source>
        <translation>✓ Đã dùng: %1. Mã %2 không thể dùng lại.</translation>
    </message>
</context>
<context>
    <name>Revoked</name>
    <message>
        <source>Terminal revoked</source>
        <translation>Máy trạm đã bị thu hồi</translation>
    </message>
    <message>
        <source>An administrator revoked this terminal, so the customer data on it was removed. To use it again, enroll it with a new code from an administrator and sign in.</source>
        <translation>Quản trị viên đã thu hồi máy này nên dữ liệu khách hàng trên máy đã bị xóa. Để dùng lại, hãy đăng ký máy bằng mã mới do quản trị viên cấp rồi đăng nhập.</translation>
    </message>
</context>
<context>
    <name>RevokedBanner</name>
    <message>
        <source>An administrator revoked this terminal. %1 changes could not be sent yet, so the customer data stays on this terminal until they are. Keep it connected to the hub, or ask an administrator to wipe it without sending them.</source>
        <translation>Quản trị viên đã thu hồi máy trạm này. Còn %1 thay đổi chưa gửi được, nên dữ liệu khách hàng vẫn được giữ trên máy cho đến khi gửi xong. Hãy giữ máy kết nối với hub, hoặc nhờ quản trị viên xóa máy mà không gửi các thay đổi đó.</translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Everything at the counter works from the keyboard; the search box always gets the focus back, ready for the next scan.</source>
        <translation>Mọi thao tác tại quầy đều dùng được bằng bàn phím; ô tìm kiếm luôn được đặt lại con trỏ, sẵn sàng cho lần quét tiếp theo.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Chức năng</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Máy chủ: %1</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Sign in with your own user name and password.</source>
        <translation>Đăng nhập bằng tên người dùng và mật khẩu của riêng bạn.</translation>
    </message>
</context>
<context>
    <name>Stock</name>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 vào %2</translation>
    </message>
    <message>
        <source>incoming: %1</source>
        <translation>sắp về: %1</translation>
    </message>
    <message>
        <source>incoming: %1 on %2</source>
        <translation>sắp về: %1 vào %2</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Store</source>
        <translation>Cửa hàng</translation>
    </message>
    <message>
        <source>&amp;Store of this terminal</source>
        <translation>&amp;Cửa hàng của máy trạm này</translation>
    </message>
    <message>
        <source>Store of this terminal</source>
        <translation>Cửa hàng của máy trạm này</translation>
    </message>
    <message>
        <source>The code enrolled this terminal.</source>
        <translation>Mã đã đăng ký máy trạm này.</translation>
    </message>
    <message>
        <source>This terminal now belongs to the store:</source>
        <translation>Máy trạm này giờ thuộc về cửa hàng:</translation>
    </message>
    <message>
        <source>This code lets you choose the terminal&apos;s store.</source>
        <translation>Mã này cho phép bạn chọn cửa hàng của máy trạm.</translation>
    </message>
    <message>
        <source>Choose the store this terminal stands in.</source>
        <translation>Chọn cửa hàng nơi đặt máy trạm này.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Đang đăng ký…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now (F5)</source>
        <translation>Đồng bộ ngay (F5)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Đồng bộ lần cuối %1</translation>
    </message>
    <message>
        <source>Pending changes: %1</source>
        <translation>Thay đổi chờ gửi: %1</translation>
    </message>
    <message>
        <source>Refused by the hub: %1</source>
        <translation>Bị máy chủ từ chối: %1</translation>
    </message>
</context>
<context>
    <name>TaskList</name>
    <message>
        <source>Tasks</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>Suggested message</source>
        <translation>Tin nhắn gợi ý</translation>
    </message>
    <message>
        <source>Tasks of the store</source>
        <translation>Việc cần làm của cửa hàng</translation>
    </message>
    <message>
        <source>What came of it? (optional; Enter or Ctrl+D marks the task done)</source>
        <translation>Kết quả thế nào? (không bắt buộc; Enter hoặc Ctrl+D để đánh dấu đã xong)</translation>
    </message>
    <message>
        <source>Outcome note</source>
        <translation>Ghi chú kết quả</translation>
    </message>
    <message>
        <source>Open customer (Enter)</source>
        <translation>Mở hồ sơ khách (Enter)</translation>
    </message>
    <message>
        <source>Send follow-up (Ctrl+F)</source>
        <translation>Gửi tin nhắn chăm sóc (Ctrl+F)</translation>
    </message>
    <message>
        <source>Snooze until tomorrow (Ctrl+Shift+S)</source>
        <translation>Hoãn đến mai (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Dismiss… (Ctrl+Shift+X)</source>
        <translation>Bỏ qua… (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Move appointment (Ctrl+Shift+A)</source>
        <translation>Dời lịch hẹn (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Cancel appointment (Ctrl+Shift+C)</source>
        <translation>Hủy lịch hẹn (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Mark done (Ctrl+D)</source>
        <translation>Đánh dấu đã xong (Ctrl+D)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (quá hạn)</translation>
    </message>
    <message>
        <source>✓ Done, waiting to sync: %1</source>
        <translation>✓ Đã xong, chờ đồng bộ: %1</translation>
    </message>
    <message>
        <source>Dismissed (%1), waiting to sync: %2</source>
        <translation>Đã bỏ qua (%1), chờ đồng bộ: %2</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Lịch hẹn</translation>
    </message>
    <message>
        <source>%1 appointments today</source>
        <translation>%1 lịch hẹn hôm nay</translation>
    </message>
    <message>
        <source>%1 open · %2 overdue</source>
        <translation>%1 đang mở · %2 quá hạn</translation>
    </message>
    <message>
        <source>%1 done, waiting to sync</source>
        <translation>%1 đã xong, chờ đồng bộ</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Welcome the new customer</source>
        <translation>Chào đón khách hàng mới</translation>
    </message>
    <message>
        <source>Encourage a second purchase</source>
        <translation>Khuyến khích mua lần thứ hai</translation>
    </message>
    <message>
        <source>Thank a VIP customer</source>
        <translation>Cảm ơn khách hàng VIP</translation>
    </message>
    <message>
        <source>Check in: customer at risk</source>
        <translation>Hỏi thăm: khách có nguy cơ rời bỏ</translation>
    </message>
    <message>
        <source>Win back a lapsed customer</source>
        <translation>Kéo lại khách hàng đã lâu không mua</translation>
    </message>
    <message>
        <source>Wish a happy birthday</source>
        <translation>Chúc mừng sinh nhật khách</translation>
    </message>
    <message>
        <source>A wished product is back in stock here</source>
        <translation>Sản phẩm khách mong muốn đã có hàng lại tại đây</translation>
    </message>
    <message>
        <source>Online cart available here today, no shipping</source>
        <translation>Giỏ hàng trực tuyến có sẵn tại đây hôm nay, không cần giao hàng</translation>
    </message>
    <message>
        <source>Ask how delivery and packaging went</source>
        <translation>Hỏi về việc giao hàng và đóng gói</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
</context>
<context>
    <name>TerminalLock</name>
    <message>
        <source>Lock the terminal</source>
        <translation>Khóa máy</translation>
    </message>
    <message>
        <source>Lock (Ctrl+Shift+K)</source>
        <translation>Khóa (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>My PIN…</source>
        <translation>Mã PIN của tôi…</translation>
    </message>
    <message>
        <source>Choose a PIN to unlock and switch quickly</source>
        <translation>Chọn mã PIN để mở khóa và chuyển người dùng nhanh</translation>
    </message>
    <message>
        <source>Clienteling — locked</source>
        <translation>Clienteling — đã khóa</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Hiển thị</translation>
    </message>
    <message>
        <source>Show in the timeline</source>
        <translation>Hiển thị trong dòng thời gian</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Store visits</source>
        <translation>Lượt ghé cửa hàng</translation>
    </message>
    <message>
        <source>Purchases and orders</source>
        <translation>Mua hàng và đơn hàng</translation>
    </message>
    <message>
        <source>Online carts</source>
        <translation>Giỏ hàng online</translation>
    </message>
    <message>
        <source>Consent changes</source>
        <translation>Thay đổi đồng ý liên hệ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Giữ hàng</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Ưu đãi</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Lịch hẹn</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tin nhắn chăm sóc</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Trả lời khảo sát</translation>
    </message>
    <message>
        <source>Customer timeline</source>
        <translation>Dòng thời gian của khách</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[chờ đồng bộ]</translation>
    </message>
    <message>
        <source>[refused by the hub]</source>
        <translation>[máy chủ trung tâm từ chối]</translation>
    </message>
    <message>
        <source>Enter: show the follow-up this reply answers</source>
        <translation>Enter: hiện tin nhắn chăm sóc mà phản hồi này trả lời</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Chưa có gì để hiển thị.</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 sự kiện</translation>
    </message>
    <message>
        <source>Survey: %1 %2/5</source>
        <translation>Khảo sát: %1 %2/5</translation>
    </message>
    <message>
        <source>Survey comment: %1</source>
        <translation>Nhận xét khảo sát: %1</translation>
    </message>
    <message>
        <source>as a buyer</source>
        <translation>khi đã mua</translation>
    </message>
    <message>
        <source>without buying</source>
        <translation>khi không mua</translation>
    </message>
    <message>
        <source>Shipping of the order of %1</source>
        <translation>Giao cho vận chuyển đơn hàng ngày %1</translation>
    </message>
    <message>
        <source>Delivery of the order of %1</source>
        <translation>Đã giao đơn hàng ngày %1</translation>
    </message>
    <message>
        <source>Partial return from the purchase of %1</source>
        <translation>Trả lại một phần đơn mua ngày %1</translation>
    </message>
    <message>
        <source>Return from the purchase of %1</source>
        <translation>Trả lại đơn mua ngày %1</translation>
    </message>
    <message>
        <source>Update of the order of %1</source>
        <translation>Cập nhật đơn hàng ngày %1</translation>
    </message>
    <message>
        <source>Store visit: %1</source>
        <translation>Ghé cửa hàng: %1</translation>
    </message>
    <message>
        <source>Store purchase: %1, %2</source>
        <translation>Mua tại cửa hàng: %1, %2</translation>
    </message>
    <message>
        <source>Phone order: %1, %2</source>
        <translation>Đơn qua điện thoại: %1, %2</translation>
    </message>
    <message>
        <source>Online order: %1, %2</source>
        <translation>Đơn online: %1, %2</translation>
    </message>
    <message>
        <source>with offer %1</source>
        <translation>với ưu đãi %1</translation>
    </message>
    <message>
        <source>abandoned at %1</source>
        <translation>bỏ dở ở bước %1</translation>
    </message>
    <message>
        <source>Online cart: %1</source>
        <translation>Giỏ hàng online: %1</translation>
    </message>
    <message>
        <source>Agreed to %1</source>
        <translation>Đồng ý nhận %1</translation>
    </message>
    <message>
        <source>Refused %1</source>
        <translation>Từ chối nhận %1</translation>
    </message>
    <message>
        <source>Note by %1</source>
        <translation>Ghi chú của %1</translation>
    </message>
    <message>
        <source>Follow-up by %1: %2</source>
        <translation>Tin nhắn chăm sóc qua %1: %2</translation>
    </message>
    <message>
        <source>Reply by %1: opted out of %1</source>
        <translation>Phản hồi qua %1: hủy nhận %1</translation>
    </message>
    <message>
        <source>Reply by %1</source>
        <translation>Phản hồi qua %1</translation>
    </message>
    <message>
        <source>answers “%1” of %2</source>
        <translation>trả lời “%1” ngày %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>của %1</translation>
    </message>
    <message>
        <source>%1, with %2</source>
        <translation>%1, nhân viên %2</translation>
    </message>
    <message>
        <source>signed up in store</source>
        <translation>đăng ký tại cửa hàng</translation>
    </message>
    <message>
        <source>signed up online</source>
        <translation>đăng ký trực tuyến</translation>
    </message>
    <message>
        <source>from a receipt</source>
        <translation>từ hóa đơn</translation>
    </message>
    <message>
        <source>on the preferences page</source>
        <translation>trên trang tùy chọn liên hệ</translation>
    </message>
    <message>
        <source>by replying to a message</source>
        <translation>bằng cách trả lời tin nhắn</translation>
    </message>
</context>
<context>
    <name>TogetherPanel</name>
    <message>
        <source>%1 · %2 · %3 · orders together: %4</source>
        <translation>%1 · %2 · %3 · số đơn mua cùng: %4</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>This terminal needs an update to sync with the hub. You can keep working; changes are kept and will sync after the update.</source>
        <translation>Máy này cần được cập nhật để đồng bộ với máy chủ. Bạn vẫn có thể tiếp tục làm việc; các thay đổi được giữ lại và sẽ đồng bộ sau khi cập nhật.</translation>
    </message>
</context>
<context>
    <name>Variant</name>
    <message>
        <source>Size %1</source>
        <translation>Cỡ %1</translation>
    </message>
    <message>
        <source>colour %1</source>
        <translation>màu %1</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>Màu %1</translation>
    </message>
</context>
<context>
    <name>VisitFormDialog</name>
    <message>
        <source>Log visit: anonymous visitor</source>
        <translation>Ghi lượt ghé: khách ẩn danh</translation>
    </message>
    <message>
        <source>Log visit: %1</source>
        <translation>Ghi lượt ghé: %1</translation>
    </message>
    <message>
        <source>Visit of %1</source>
        <translation>Lượt ghé của %1</translation>
    </message>
    <message>
        <source>Visitor without a profile (counted in the store&apos;s visits)</source>
        <translation>Khách chưa có hồ sơ (vẫn được tính vào lượt ghé của cửa hàng)</translation>
    </message>
    <message>
        <source>Products tried or shown</source>
        <translation>Sản phẩm đã thử hoặc đã giới thiệu</translation>
    </message>
    <message>
        <source>Find a product</source>
        <translation>Tìm sản phẩm</translation>
    </message>
    <message>
        <source>Name, SKU or scan a barcode, then Enter to add</source>
        <translation>Tên, mã SKU hoặc quét mã vạch, rồi nhấn Enter để thêm</translation>
    </message>
    <message>
        <source>Matching products</source>
        <translation>Sản phẩm phù hợp</translation>
    </message>
    <message>
        <source>From the online cart (click to add):</source>
        <translation>Từ giỏ hàng trực tuyến (bấm để thêm):</translation>
    </message>
    <message>
        <source>Products of this visit</source>
        <translation>Sản phẩm của lượt ghé này</translation>
    </message>
    <message>
        <source>None yet. Delete removes the selected one.</source>
        <translation>Chưa có sản phẩm nào. Phím Delete để bỏ sản phẩm đang chọn.</translation>
    </message>
    <message>
        <source>Often bought together with these (Enter adds one)</source>
        <translation>Thường được mua cùng các sản phẩm này (Enter để thêm)</translation>
    </message>
    <message>
        <source>How did the visit end?</source>
        <translation>Lượt ghé kết thúc thế nào?</translation>
    </message>
    <message>
        <source>Why was nothing bought?</source>
        <translation>Vì sao khách không mua?</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Lý do khác</translation>
    </message>
    <message>
        <source>What was missing? (for “Other”)</source>
        <translation>Thiếu điều gì? (khi chọn “Lý do khác”)</translation>
    </message>
    <message>
        <source>Hand over the survey link (QR code)</source>
        <translation>Gửi khách đường dẫn khảo sát (mã QR)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save visit (Ctrl+Enter)</source>
        <translation>Lưu lượt ghé (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ask the customer to scan this code with their phone camera: a short survey about today&apos;s visit opens, and answers are anonymous if they wish.</source>
        <translation>Mời khách quét mã này bằng camera điện thoại: một khảo sát ngắn về lượt ghé hôm nay sẽ mở ra, khách có thể trả lời ẩn danh nếu muốn.</translation>
    </message>
    <message>
        <source>Survey QR code</source>
        <translation>Mã QR khảo sát</translation>
    </message>
    <message>
        <source>Send the link by &amp;SMS</source>
        <translation>Gửi liên kết qua &amp;SMS</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>%1 is already listed.</source>
        <translation>%1 đã có trong danh sách.</translation>
    </message>
    <message>
        <source>A visit lists at most %1 products.</source>
        <translation>Mỗi lượt ghé ghi tối đa %1 sản phẩm.</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 tại đây</translation>
    </message>
    <message>
        <source>not in stock here</source>
        <translation>hết hàng tại đây</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>Không có sản phẩm nào khớp với “%1”.</translation>
    </message>
    <message>
        <source>Choose how the visit ended.</source>
        <translation>Hãy chọn lượt ghé kết thúc thế nào.</translation>
    </message>
    <message>
        <source>Say why nothing was bought.</source>
        <translation>Hãy chọn lý do khách không mua.</translation>
    </message>
    <message>
        <source>Describe the reason in a few words.</source>
        <translation>Hãy mô tả lý do bằng vài từ.</translation>
    </message>
    <message>
        <source>This customer is not in the cache any more.</source>
        <translation>Khách hàng này không còn trong bộ nhớ đệm.</translation>
    </message>
    <message>
        <source>No SMS. %1.</source>
        <translation>Không gửi SMS được. %1.</translation>
    </message>
    <message>
        <source>The survey link goes out by SMS: the hub sends it after the next sync, checking consent again.</source>
        <translation>Liên kết khảo sát sẽ được gửi qua SMS: hub gửi sau lần đồng bộ tiếp theo, sau khi kiểm tra lại sự đồng ý.</translation>
    </message>
    <message>
        <source>Restored what was typed before, not yet saved. Cancel discards it.</source>
        <translation>Đã khôi phục nội dung nhập trước đó, chưa được lưu. Bấm Hủy để bỏ.</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Đã lưu lượt ghé.</translation>
    </message>
    <message>
        <source>It will be sent to the hub at the next sync.</source>
        <translation>Lượt ghé sẽ được gửi lên máy chủ trung tâm ở lần đồng bộ tới.</translation>
    </message>
</context>
<context>
    <name>VisitLabels</name>
    <message>
        <source>Bought &amp;here</source>
        <translation>Đã &amp;mua tại đây</translation>
    </message>
    <message>
        <source>Will buy &amp;online</source>
        <translation>Sẽ mua &amp;trực tuyến</translation>
    </message>
    <message>
        <source>Will &amp;come back</source>
        <translation>Sẽ &amp;quay lại</translation>
    </message>
    <message>
        <source>&amp;Left without buying</source>
        <translation>Rời đi &amp;không mua</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Giá</translation>
    </message>
    <message>
        <source>&amp;Size or colour missing</source>
        <translation>Thiếu &amp;cỡ hoặc màu</translation>
    </message>
    <message>
        <source>&amp;Just browsing</source>
        <translation>Chỉ &amp;xem thôi</translation>
    </message>
    <message>
        <source>Wants to co&amp;mpare</source>
        <translation>Muốn &amp;so sánh</translation>
    </message>
    <message>
        <source>&amp;Delivery options</source>
        <translation>Hình thức giao &amp;hàng</translation>
    </message>
    <message>
        <source>Othe&amp;r</source>
        <translation>&amp;Lý do khác</translation>
    </message>
</context>
</TS>

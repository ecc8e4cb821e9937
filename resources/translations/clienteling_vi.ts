<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
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
        <source>This computer has no password store (keyring) for the sign-in. Ask your IT support to enable the system keyring, then start Clienteling again.</source>
        <translation>Máy tính này không có kho mật khẩu (keyring) để lưu phiên đăng nhập. Hãy nhờ bộ phận IT bật keyring của hệ thống, rồi mở lại Clienteling.</translation>
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
        <source>Clienteling</source>
        <translation>Clienteling</translation>
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
        <source>Email</source>
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
        <source>Already known: %1 (%2). Open that profile instead?</source>
        <translation>Đã có: %1 (%2). Mở hồ sơ đó thay vì tạo mới?</translation>
    </message>
    <message>
        <source>Other customers have the same details too.</source>
        <translation>Cũng có khách hàng khác trùng thông tin này.</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Search for a customer by name, phone, email or loyalty card.</source>
        <translation>Tìm khách hàng theo tên, số điện thoại, email hoặc thẻ thành viên.</translation>
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
        <source>Write a note about this visit…</source>
        <translation>Ghi chú về lần ghé thăm này…</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Thêm ghi chú (Ctrl+Enter)</translation>
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
</TS>

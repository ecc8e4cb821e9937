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

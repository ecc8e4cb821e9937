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
        <source>Visitor (Ctrl+Shift+L)</source>
        <translation>Khách vãng lai (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Log the visit of someone without a profile</source>
        <translation>Ghi lại lượt ghé của người chưa có hồ sơ</translation>
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
        <source>Log visit (Ctrl+L)</source>
        <translation>Ghi lượt ghé (Ctrl+L)</translation>
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
        <source>Timeline (%1)</source>
        <translation>Dòng thời gian (%1)</translation>
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
        <source>Nothing to show yet.</source>
        <translation>Chưa có gì để hiển thị.</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 sự kiện</translation>
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

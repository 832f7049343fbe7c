# وحدة تحكم العرض (js/console.js و js/console/*.js).
console-page-title = وحدة تحكم العرض · Tally
console-title = وحدة تحكم العرض
console-role-cohost = مقدّم مشارك
console-role-moderator = مشرف
console-nav = روابط وحدة التحكم
console-open-screen = فتح الشاشة الكبيرة
console-all = كل العروض
console-moderator-note = أنت تشرف على نصوص الجمهور: أخفِ ما يرسلونه أو وافق عليه، وثبّت الأسئلة وعلّمها كمُجاب عنها. أما الشرائح فيتحكم بها مقدّم العرض.
console-load-failed = تعذّر تحميل العرض: { $reason }
console-screen-only = هذا الرابط يفتح الشاشة الكبيرة فقط: لا يمكن به إدارة العرض ولا الإشراف عليه.
console-deleted = حُذف هذا العرض.
console-failed = { $action }: { $reason }

console-join = انضم عبر { $url }
console-join-code = رمز الانضمام { $code }
console-audience-unknown = الجمهور: –
console-audience = { $count ->
    [zero] لا أحد على الصفحة المباشرة الآن
    [one] شخص واحد على الصفحة المباشرة الآن
    [two] شخصان على الصفحة المباشرة الآن
    [few] { $count } أشخاص على الصفحة المباشرة الآن
    [many] { $count } شخصًا على الصفحة المباشرة الآن
   *[other] { $count } شخص على الصفحة المباشرة الآن
}
console-conn-live = مباشر
console-conn = الشرائح: { $slides } · النتائج: { $results }
console-status-connecting = جارٍ الاتصال
console-status-live = مباشر
console-status-reconnecting = جارٍ إعادة الاتصال
console-status-offline = غير متصل
console-status-deleted = محذوف

console-on-screen = على الشاشة
console-no-poll = لا يوجد استطلاع على الشاشة.
console-slide-meta = الشريحة { $number } من { $count } · { $type } · الجولة { $round }
console-slide-meta-content = الشريحة { $number } من { $count } · { $type }
console-voting-open = التصويت مفتوح
console-voting-closed = التصويت مغلق
console-results-shown = النتائج معروضة
console-results-hidden = النتائج مخفية
console-results-held = تظهر النتائج عند إغلاق التصويت
console-results = النتائج
console-waiting-votes = بانتظار الأصوات الأولى…
console-participants = { $count ->
    [zero] لا مشاركين
    [one] مشارك واحد
    [two] مشاركان
    [few] { $count } مشاركين
    [many] { $count } مشاركًا
   *[other] { $count } مشارك
}
console-time-left = بقي { $time }
console-time-up = انتهى الوقت
console-type-single = اختيار واحد
console-type-multiple = اختيار متعدد
console-type-quiz = اختبار
console-type-scale = مقياس
console-type-ranking = ترتيب
console-type-points = نقاط
console-type-wordcloud = سحابة كلمات
console-type-open = نص حر
console-type-qa = أسئلة وأجوبة
console-type-content = شريحة محتوى
console-content-note = شريحة محتوى: يقرؤها الجمهور، ولا شيء للإجابة عنه
console-content-results = شريحة المحتوى لا تستقبل إجابات.

console-run = إدارة العرض
console-next = التالي ←
console-previous = → السابق
console-goto = انتقل إلى
console-next-meta = التالي: الشريحة { $number } · { $type }
console-next-none = هذه هي الشريحة الأخيرة.
console-more-options = { $count ->
    [one] وخيار آخر
    [two] وخياران آخران
    [few] و{ $count } خيارات أخرى
    [many] و{ $count } خيارًا آخر
   *[other] و{ $count } خيار آخر
}
console-open-voting = فتح التصويت
console-close-voting = إغلاق التصويت
console-show-results = عرض النتائج
console-hide-results = إخفاء النتائج
console-hold = إخفاء النتائج حتى يُغلق التصويت
console-hold-hint = للفعالية كلها: يرى الحضور النتائج بعد إغلاق التصويت.
console-timer-seconds = المؤقت (بالثواني)
console-timer-start = بدء أو إضافة
console-timer-stop = إيقاف
console-reset = جولة جديدة
console-reset-confirm = هل تبدأ الجولة { $round } من هذا الاستطلاع؟ تبدأ نتائجها من الصفر، وتبقى الجولات السابقة قابلة للقراءة تحت «الجولات السابقة».
console-keys = المفاتيح
console-key-next = الشريحة التالية
console-key-previous = الشريحة السابقة
console-key-space-name = مسافة
console-key-voting = فتح التصويت أو إغلاقه
console-key-results = عرض النتائج أو إخفاؤها
console-keys-note = تعمل المفاتيح حتى عندما يكون التركيز على زر (مفتاح الإدخال يضغطه).

console-action-next = التالي
console-action-previous = السابق
console-action-goto = انتقل إلى
console-action-voting = التصويت
console-action-results = النتائج
console-action-timer = المؤقت
console-action-reset = جولة جديدة
console-action-moderation = الإشراف
console-action-settings = الإعدادات

console-side = الملاحظات والإشراف
console-notes = ملاحظات المقدّم
console-notes-none = لا ملاحظات لهذه الشريحة. أضفها في المحرر.
console-moderation = الإشراف
console-nothing-to-moderate = لا شيء للإشراف عليه في هذا الاستطلاع.
console-held = قيد المراجعة ({ $count })
console-shown = معروض ({ $count })
console-nothing-held = لا شيء قيد المراجعة.
console-nothing-yet = لا شيء بعد.
console-approve = موافقة
console-hide = إخفاء
console-pin = تثبيت
console-unpin = إلغاء التثبيت
console-answered = تمت الإجابة
console-action-on = { $action }: { $text }
console-upvotes = { $count ->
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $count } أصوات
    [many] { $count } صوتًا
   *[other] { $count } صوت
}
console-leaderboard = ترتيب الاختبار

console-rounds = الجولات السابقة
console-round-poll = الاستطلاع
console-round-of = الجولة { $round }
console-round-responses = { $count ->
    [zero] الجولة { $round } · لا ردود
    [one] الجولة { $round } · رد واحد
    [two] الجولة { $round } · ردان
    [few] الجولة { $round } · { $count } ردود
    [many] الجولة { $round } · { $count } ردًا
   *[other] الجولة { $round } · { $count } رد
}
console-rounds-none = لم يُعَد ضبط هذا الاستطلاع: ليست له جولات سابقة بعد.

console-people = روابط لأشخاص آخرين
console-key-title = مفتاح المقدّم
console-key-hint = لإدارة هذا العرض من حاسوب آخر (حاسوب القاعة)، الصق هذا المفتاح في وحدة التحكم أو الشاشة الكبيرة عليه. من يملكه يستطيع إدارة العرض وحذفه: شاركه فقط مع من تثق بهم.
console-key-show = إظهار
console-key-copy = نسخ مفتاح المقدّم
console-key-copied = تم النسخ. الصقه على الحاسوب الآخر.
console-key-copy-failed = تعذّر النسخ. أظهر المفتاح وانسخه يدويًا.

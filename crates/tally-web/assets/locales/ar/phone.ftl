# صفحة الهاتف للجمهور (js/phone.js و js/phone/*.js).

## الانضمام
phone-join-title = الانضمام إلى عرض تقديمي
phone-code = رمز الانضمام
phone-code-help = الأرقام الستة الظاهرة على الشاشة الكبيرة.
phone-code-invalid = أدخل الأرقام الستة الظاهرة على الشاشة الكبيرة.
phone-name = اسمك (اختياري)
phone-join = انضمام
phone-joining = جارٍ الانضمام…
phone-busy = الخادم مشغول، جارٍ إعادة المحاولة…
phone-offline-join = يبدو أنك غير متصل. تحقق من اتصالك وحاول مرة أخرى.
phone-no-such-code = لا يوجد عرض بهذا الرمز. تحقق من الرمز على الشاشة الكبيرة.

## الشريط العلوي
phone-status-live = مباشر
phone-status-connecting = جارٍ الاتصال…
phone-status-reconnecting = جارٍ إعادة الاتصال…
phone-status-offline = غير متصل: ستُرسل أصواتك عند عودة الاتصال
phone-status-ended = انتهى
phone-slide-of = الشريحة { $n } من { $total }
phone-sections = الأقسام
phone-tab-poll = هذه الشريحة
phone-tab-questions = الأسئلة

## الانتظار قبل الشريحة الأولى، والنهاية
phone-lobby-in = لقد انضممت!
phone-lobby-in-named = لقد انضممت يا { $name }!
phone-lobby-title = استعد
phone-lobby-wait = سيظهر السؤال الأول هنا فور بدء العرض.
phone-ended = انتهى هذا العرض
phone-thanks = شكرًا لمشاركتك.

## المؤقت
phone-time-left = متبقٍ { $time }
phone-time-up = انتهى الوقت
phone-voting-closed = أُغلق التصويت

## التصويت
phone-vote = صوّت
phone-send-new-vote = أرسل صوتي الجديد
phone-keep-vote = أبقِ صوتي
phone-change-vote = غيّر صوتي
phone-retract-vote = اسحب صوتي
phone-sending = جارٍ الإرسال…
phone-vote-counted = احتُسب صوتك.
phone-awaiting-approval = استُلمت. إجابتك بانتظار موافقة المقدّم.
phone-vote-queued = أنت غير متصل. صوتك محفوظ على هذا الهاتف وسيُرسل عند عودة الاتصال.
phone-vote-retracted = سُحب صوتك.
phone-closed-before = أُغلق التصويت قبل وصول صوتك.
phone-busy-retry = جارٍ الإرسال… Tally مشغول؛ إعادة المحاولة بعد { $s } ث.
phone-offline-retry = أنت غير متصل؛ حاول مرة أخرى عند عودة الاتصال.
phone-choose-one = اختر إجابة واحدة
phone-choose-up-to = اختر حتى { $max }
phone-choose-between = اختر من { $min } إلى { $max }
phone-chosen = المختار: { $n }
phone-chosen-of = اخترت { $n } من { $max }
phone-rank-hint = الأفضل أولًا. استخدم الأسهم لإعادة الترتيب.
phone-move-up = انقل { $name } إلى الأعلى
phone-move-down = انقل { $name } إلى الأسفل
phone-points-left = متبقٍ { $left } من { $budget } نقطة
phone-points-value = { $n ->
    [zero] لا نقاط
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $n } نقاط
    [many] { $n } نقطة
   *[other] { $n } نقطة
}
phone-your-word = كلمتك
phone-word = الكلمة { $n }
phone-word-optional = الكلمة { $n } (اختيارية)
phone-your-answer = إجابتك
phone-chars-left = { $n ->
    [zero] لم يتبقَّ أي حرف
    [one] يتبقى حرف واحد
    [two] يتبقى حرفان
    [few] تتبقى { $n } أحرف
    [many] يتبقى { $n } حرفًا
   *[other] يتبقى { $n } حرف
}
phone-need-choice = اختر إجابة أولًا.
phone-need-more = اختر { $min } على الأقل.
phone-need-rating = قيّم عبارة واحدة على الأقل.
phone-need-points = امنح نقطة واحدة على الأقل.
phone-need-word = اكتب كلمة أولًا.
phone-need-text = اكتب إجابتك أولًا.
phone-unsupported = نوع الاستطلاع هذا غير مدعوم هنا.

## ما أرسله المشارك
phone-you-chose = اخترت: { $what }
phone-your-ratings = تقييماتك: { $what }
phone-your-order = ترتيبك: { $what }
phone-your-points = نقاطك: { $what }
phone-your-words = كلماتك: { $what }
phone-your-text = إجابتك: { $what }

## النتائج
phone-results = النتائج
phone-results-after-vote = ستظهر النتائج هنا بعد أن تصوّت.
phone-your-choice = اختيارك
phone-correct = إجابة صحيحة!
phone-not-correct = ليس هذه المرة.
phone-score = نتيجتك في المسابقة: { $score } نقطة ({ $correct } صحيحة)

## الأسئلة
phone-ask = اطرح سؤالًا
phone-send-question = أرسل السؤال
phone-need-question = اكتب سؤالك أولًا.
phone-question-sent = أُرسل سؤالك.
phone-questions = الأسئلة
phone-no-questions = لا توجد أسئلة بعد. كن أول من يسأل.
phone-answered = تمت الإجابة
phone-awaiting-approval-short = بانتظار الموافقة
phone-upvote-name = أصوات. تأييد: { $text }

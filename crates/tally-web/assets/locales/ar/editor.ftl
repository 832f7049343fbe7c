# محرّر العروض: ‎/new و‎/edit/{id}.
editor-page-title-new = عرض تقديمي جديد · Tally
editor-page-title-edit = تعديل العرض · Tally
editor-heading-new = عرض تقديمي جديد
editor-heading-edit = تعديل العرض
editor-home = كل العروض
editor-start = البدء من
editor-toolbar = إجراءات العرض

## بدء عرض
editor-start-blank = فارغ
editor-start-blank-hint = شريحة فارغة واحدة: تبني العرض بنفسك.
editor-start-blank-button = البدء بعرض فارغ
editor-start-template = قالب
editor-template-slides = { $n ->
    [zero] لا شرائح
    [one] شريحة واحدة
    [two] شريحتان
    [few] { $n } شرائح
   *[other] { $n } شريحة
}
editor-template-icebreaker = كسر الجليد
editor-template-quiz = اختبار سريع
editor-template-retrospective = مراجعة ختامية
editor-template-event-feedback = آراء حول الفعالية
editor-start-outline = مخطط
editor-outline-label = الصق مخططًا
editor-outline-hint = ‏Markdown: عنوان لكل سؤال (# …)، وخياراته كنقاط (- …)؛ علّم إجابة الاختبار بـ ‎- [x]. أو CSV: سؤال في كل صف، وخياراته في الخلايا التالية.
editor-outline-placeholder = # أين نلتقي في المرة القادمة؟
    - برلين
    - لشبونة
editor-outline-read = قراءة المخطط
editor-outline-file = اختر ملف ‎.md أو ‎.csv
editor-outline-empty = الصق مخططًا أولًا، أو اختر ملفًا.
editor-outline-refused-at = تعذّرت قراءة السؤال { $n } من المخطط. تحقّق من عنوانه ونقاطه.
editor-start-file = ملف عرض
editor-start-file-hint = ملف ‎.json مُصدَّر من Tally. يصبح عرضًا جديدًا برمز انضمام خاص به.
editor-start-file-button = اختر ملف عرض
editor-file-not-json = هذا ليس ملف عرض: لا يحتوي على JSON.
editor-file-refused-at = رُفضت الشريحة { $n } من هذا الملف: { $reason }
editor-start-again = البدء من جديد

## الشريط
editor-deck-title = عنوان العرض
editor-deck-title-placeholder = يظهر على الهواتف والشاشة الكبيرة
editor-filter = مرشّح الألفاظ النابية لنصوص الجمهور
editor-filter-off = متوقف
editor-filter-standard = عادي
editor-filter-strict = صارم
editor-undo = تراجع
editor-redo = إعادة
editor-save = حفظ
editor-create = إنشاء العرض
editor-console = لوحة التحكم
editor-export = تصدير ملف
editor-duplicate-deck = نسخ العرض
editor-dismiss = إغلاق
editor-status-new = لم يُنشأ بعد · المسودة محفوظة في هذا المتصفح
editor-status-unsaved = تغييرات غير محفوظة · المسودة محفوظة في هذا المتصفح
editor-status-saved = كل التغييرات محفوظة (الإصدار { $revision })
editor-status-busy = لحظة…
editor-shortcuts = اختصارات: Ctrl+Z للتراجع، Ctrl+Shift+Z للإعادة، Ctrl+S للحفظ، Alt+↑/↓ لنقل الشريحة المختارة، وEnter في خيار يضيف الخيار التالي. يضم العرض حتى { $max } شريحة.
editor-undone = تم التراجع.
editor-redone = تمت الإعادة.

## قائمة الشرائح
editor-slides = { $n ->
    [zero] لا شرائح
    [one] شريحة واحدة
    [two] شريحتان
    [few] { $n } شرائح
   *[other] { $n } شريحة
}
editor-slides-help = اسحب الشريحة من مقبضها، أو اضغط Alt+↑ أو Alt+↓ لنقلها.
editor-add-slide = + شريحة
editor-drag = اسحب للنقل
editor-untitled = (لا سؤال بعد)
editor-on-screen = على الشاشة
editor-slide-problems = { $n ->
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $n } مشكلات
   *[other] { $n } مشكلة
}
editor-moved = نُقلت الشريحة { $from } إلى الموضع { $to } من { $total }.
editor-added = أُضيفت الشريحة { $n }.
editor-duplicated = نُسخت الشريحة { $n } إلى الشريحة { $to }.
editor-deleted = حُذفت الشريحة { $n }. ‏Ctrl+Z يعيدها.

## نموذج الشريحة
editor-slide-of = الشريحة { $n } من { $total }
editor-round = الجولة { $n }
editor-move-up = ↑ لأعلى
editor-move-down = ↓ لأسفل
editor-move-up-label = نقل الشريحة { $n } لأعلى
editor-move-down-label = نقل الشريحة { $n } لأسفل
editor-duplicate-slide = نسخ
editor-delete-slide = حذف
editor-live-hint = تعديل النص آمن أثناء التصويت. أمّا إزالة خيار، أو تغيير نوع شريحة فيها أصوات أو قواعدها، فيبدأ جولة جديدة.
editor-question = السؤال
editor-count = { $n } من { $max } حرفًا
editor-image = صورة بجانب السؤال
editor-image-add = أضف صورة (PNG أو JPEG أو WebP أو GIF)
editor-image-alt = صِف الصورة
editor-image-alt-hint = تُقرأ لمن لا يستطيع رؤيتها. مطلوبة، حتى { $max } حرفًا.
editor-image-remove = إزالة الصورة
editor-image-after-create = يمكن إضافة الصور بعد إنشاء العرض.
editor-type = نوع الشريحة
editor-type-single = اختيار واحد
editor-type-multiple = اختيار متعدد
editor-type-scale = مقياس تقييم
editor-type-ranking = ترتيب
editor-type-points = ‏100 نقطة
editor-type-wordcloud = سحابة كلمات
editor-type-open = نص حر
editor-type-quiz = اختبار
editor-type-qa = أسئلة وأجوبة
editor-type-content = شريحة محتوى
editor-heading = العنوان
editor-body = النص
editor-body-hint = فقرات (يفصل بينها سطر فارغ)، و**غامق** و*مائل* وقوائم (- أو 1.). بلا روابط أو HTML أو عناوين.
editor-err-body-long = طول النص { $n } حرفًا؛ والشريحة تتسع لـ { $max } على الأكثر.
editor-err-body-html = لا يُعرض HTML على الشريحة: اكتب نصًا عاديًا، مع **غامق** أو *مائل* أو قوائم.
editor-err-body-link = لا تُعرض الروابط على الشريحة: اكتب العنوان نصًا.
editor-err-body-heading = لعنوان الشريحة حقل خاص به: احذف علامة # من بداية السطر.
editor-options = الخيارات
editor-statements = عبارات للتقييم
editor-options-hint = { $n } من { $max } خيارًا. ‏Enter في خيار يضيف الخيار التالي، وAlt+↑ أو Alt+↓ ينقله.
editor-option-moved = نُقل الخيار { $from } إلى الموضع { $to } من { $total }.
editor-option-n = الخيار { $n }
editor-statement-n = العبارة { $n }
editor-correct = صحيح
editor-remove-option = إزالة الخيار { $n }
editor-add-option = + خيار
editor-add-statement = + عبارة
editor-no-options-wordcloud = يرسل الجمهور كلمات، وتعرضها الشاشة الكبيرة سحابةً. تبقى خياراتك محفوظة إن عدت إلى النوع السابق.
editor-no-options-open = يكتب الجمهور إجابة، وتعرضها الشاشة الكبيرة بطاقاتٍ. تبقى خياراتك محفوظة إن عدت إلى النوع السابق.
editor-no-options-qa = يطرح الجمهور أسئلة ويصوّت لها. تبقى خياراتك محفوظة إن عدت إلى النوع السابق.
editor-settings = إعدادات هذه الشريحة
editor-default = فارغ: { $value }
editor-min-choices = أقل عدد من الاختيارات
editor-max-choices = أكبر عدد من الاختيارات
editor-scale-min = المقياس من
editor-scale-max = المقياس إلى
editor-scale-min-label = تسمية الأدنى
editor-scale-max-label = تسمية الأعلى
editor-points-budget = النقاط الموزّعة
editor-max-entries = الكلمات لكل شخص
editor-max-length = الأحرف لكل إجابة
editor-quiz-points = نقاط الإجابة الصحيحة
editor-timer = المؤقّت بالثواني (فارغ: بلا مؤقّت)
editor-allow-change = يمكن للجمهور تغيير صوته
editor-results-after-vote = تعرض الهواتف النتائج بعد التصويت فقط
editor-moderated = احجز الإجابات حتى أوافق عليها
editor-notes = ملاحظات المقدّم
editor-notes-hint = لا يراها غيرك، في لوحة التحكم.

## الأخطاء بجانب الحقول، والملخّص
editor-summary = { $n ->
    [one] توجد مشكلة
    [two] توجد مشكلتان
    [few] توجد { $n } مشكلات
   *[other] توجد { $n } مشكلة
}
editor-summary-item = الشريحة { $n }: { $text }
editor-err-question-empty = اكتب سؤالًا.
editor-err-question-long = اختصر السؤال إلى { $max } حرفًا على الأكثر (فيه { $n }).
editor-err-option-empty = اكتب نص الخيار { $n }، أو أزِله.
editor-err-option-long = اختصر الخيار { $n } إلى { $max } حرفًا على الأكثر (فيه { $count }).
editor-err-option-same = الخيار { $n } مطابق للخيار { $other }: لن يميّز الجمهور بينهما.
editor-err-options-many = اكتب { $max } خيارًا على الأكثر (في هذه الشريحة { $n }).
editor-err-scale-text = في العبارات { $chars } حرفًا؛ ولا يتسع مقياس التقييم لأكثر من { $limit } حرفًا إجمالًا، كي تعرض الشاشة الكبيرة كل عبارة. اختصرها أو قسّم الشريحة.
editor-err-number-range = اكتب عددًا صحيحًا من { $min } إلى { $max }، أو اترك الحقل فارغًا.
editor-err-whole-number = اكتب عددًا صحيحًا.
editor-err-choices-order = يجب ألا يزيد أقل عدد من الاختيارات ({ $min }) على أكبرها ({ $max }).
editor-err-scale-order = يجب أن يتصاعد المقياس: «إلى» ({ $max }) يجب أن يكون أكبر من «من» ({ $min }).
editor-err-scale-span = لا يتجاوز المقياس { $max } درجة.
editor-err-correct-none = علّم خيارًا واحدًا على الأقل بأنه صحيح.
editor-err-correct-count = علّم من { $min } إلى { $max } خيارات صحيحة (الآن { $count })، أو غيّر عدد الاختيارات.
editor-err-notes-long = اختصر الملاحظات إلى { $max } حرفًا على الأكثر (فيها { $n }).
editor-err-title-long = اختصر العنوان إلى { $max } حرفًا على الأكثر (فيه { $n }).
editor-err-alt-empty = صِف الصورة لمن لا يستطيع رؤيتها.
editor-err-alt-long = اختصر الوصف إلى { $max } حرفًا على الأكثر (فيه { $n }).
editor-err-no-slides = أضف شريحة واحدة على الأقل.
editor-err-slides-many = لا يضم العرض أكثر من { $max } شريحة (في هذا العرض { $n }).

## الحفظ
editor-saving = جارٍ الحفظ…
editor-creating = جارٍ إنشاء العرض…
editor-saved = تم الحفظ. تعرض الهواتف والشاشة الكبيرة التغيير الآن.
editor-refused = رفض Tally العرض: { $reason }
editor-stale = حفظ شخص آخر هذا العرض (الإصدار { $revision } الآن) منذ أن فتحته. لم تُحفظ تغييراتك، ولم يُكتب فوق شيء من تغييراته. حمّل إصداره ثم أعد تغييرك: ‏Ctrl+Z يعيد إصدارك لتنسخ منه.
editor-changed-elsewhere = حفظ شخص آخر هذا العرض للتو (الإصدار { $revision }). لن تحلّ تغييراتك غير المحفوظة محلّ تغييراته: حمّل إصداره ثم أعد تغييرك.
editor-updated-elsewhere = حُدّث إلى الإصدار { $revision } المحفوظ في مكان آخر.
editor-load-latest = تحميل أحدث إصدار
editor-reloaded = هذا أحدث إصدار ({ $revision }). ‏Ctrl+Z يعرض تغييراتك مجددًا.
editor-has-votes = في الشريحة { $slide } أصوات في هذه الجولة، و{ $what } سيغيّر معنى هذه الأصوات. لإجرائه ابدأ جولة جديدة: تبقى الأصوات السابقة محفوظة في الجولة القديمة، وتبدأ الشريحة العدّ من الصفر.
editor-edit-option_removed = إزالة «{ $option }»
editor-edit-type = تغيير نوعها
editor-edit-rules = تغيير قواعدها (الاختيارات أو المقياس أو النقاط أو الإجابات الصحيحة)
editor-edit-other = هذا التغيير
editor-new-round = بدء جولة جديدة والحفظ
editor-cannot-remove = في الشريحة { $slide } أصوات، لذا لا يمكن حذفها: ستضيع نتائجها. تراجع عن الحذف، أو ببساطة لا تعرضها.
editor-cannot-change = في الشريحة { $slide } أسئلة من الجمهور، لذا لا يمكن تغيير نوعها. تراجع عن التغيير، أو أضف شريحة جديدة.
editor-on-screen-refused = شريحة محذوفة معروضة الآن على الشاشة الكبيرة (الشريحة { $slide }). انتقل أولًا إلى شريحة أخرى من لوحة التحكم، أو تراجع عن الحذف.
editor-draft-restored = عادت تغييراتك غير المحفوظة من الساعة { $when }.
editor-discard-draft = تجاهلها
editor-exported = تم تنزيل ملف العرض.
editor-exported-unsaved = تم تنزيل ملف العرض، مع تغييراتك غير المحفوظة.
editor-copy-title = نسخة من { $title }
editor-duplicated-deck = أُنشئت نسخة من هذا العرض برمز الانضمام { $code }.
editor-duplicated-deck-unsaved = أُنشئت نسخة من العرض المحفوظ برمز الانضمام { $code }. تغييراتك غير المحفوظة موجودة هنا فقط.
editor-open-copy = فتح النسخة

## المعاينة
editor-preview = معاينة
editor-pv-phone = الهاتف
editor-pv-screen = الشاشة الكبيرة
editor-pv-phone-label = كيف تبدو الشريحة { $n } على الهاتف
editor-pv-screen-label = كيف تبدو الشريحة { $n } على الشاشة الكبيرة
editor-pv-live = مباشر
editor-pv-slide = الشريحة { $n } من { $total }
editor-pv-vote = صوّت
editor-pv-send = إرسال
editor-pv-word = الكلمة { $n }
editor-pv-answer = إجابتك
editor-pv-ask = اطرح سؤالًا
editor-pv-points-left = { $n } نقطة للتوزيع
editor-pv-join = انضم عبر هذا العنوان بالرمز
editor-pv-timer = { $n } ث
editor-pv-more = { $n } أخرى
editor-pv-cloud = تظهر الكلمات هنا فور وصولها
editor-pv-answers = تظهر الإجابات هنا على شكل بطاقات
editor-pv-questions = تظهر الأسئلة هنا، الأكثر تصويتًا أولًا

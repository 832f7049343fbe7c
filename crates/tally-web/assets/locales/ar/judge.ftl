# ورقة تقييم الحكم (judge.js).
judge-page-title = ورقة التقييم · Tally
judge-title = ورقة التقييم
judge-no-link = افتح الرابط الخاص الذي أرسله إليك المنظّم.
# The round's name, then the sheet's state (draft or submitted).
judge-sheet-line = { $round } · ورقتك: { $state }
# The same while the round is not open: its state comes last.
judge-sheet-line-closed = { $round } · ورقتك: { $state } · الجولة { $roundState }
judge-sheet-draft = مسودة
judge-sheet-submitted = مُسلَّمة
judge-round-draft = لم تُفتح بعد
judge-round-closed = مغلقة
judge-round-published = منشورة
judge-locked = سُلِّمت وأُقفلت. لا يعيد فتحها إلا المنظّم.
# The criterion's name as the organiser wrote it, then its range.
judge-criterion = { $criterion } ({ $min }–{ $max }، الخطوة { $step }، الوزن { $weight })
judge-step-down = { $criterion } لـ { $contestant }: خطوة إلى الأسفل
judge-step-up = { $criterion } لـ { $contestant }: خطوة إلى الأعلى
judge-comment = تعليق على { $contestant } (اختياري)
judge-save = حفظ المسودة
judge-submit = تسليم الورقة
judge-submit-confirm = تسليم ورقتك؟ ستُقفل بعد ذلك.
judge-submitted = سُلِّمت.
judge-saved = حُفظت المسودة.
# العربية لها ست صيغ للعدد: صفر، مفرد، مثنى، قلة (3–10)، كثرة (11–99)، وغير ذلك.
judge-incomplete = { $count ->
    [zero] لا تنقص ورقتك أي درجة
    [one] تنقص ورقتك درجة واحدة
    [two] تنقص ورقتك درجتان
    [few] تنقص ورقتك { $count } درجات
    [many] تنقص ورقتك { $count } درجة
   *[other] تنقص ورقتك { $count } درجة
  }: { $contestants }. قيّم كل معيار قبل التسليم.
judge-invalid-mark = { $criterion } لـ { $contestant }: { $value } ليست درجة من { $min } إلى { $max } بخطوات قدرها { $step }.

# ملاحظات المتسابق (feedback.js).
feedback-page-title = الملاحظات · Tally
feedback-title = الملاحظات
feedback-no-link = افتح الرابط الخاص الذي أرسله إليك المنظّم.
feedback-for = ملاحظات إلى { $contestant }
feedback-none = لا توجد تعليقات بعد.
feedback-anonymous = لا تظهر أسماء الحكّام. تظهر فقط التعليقات من أوراق التقييم المُسلَّمة.
feedback-replaced = لم يعد هذا الرابط يعمل: ربما أرسل إليك المنظّم رابطًا أحدث.

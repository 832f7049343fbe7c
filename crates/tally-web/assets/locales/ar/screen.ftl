# شاشة العرض.
screen-title = الشاشة الكبيرة · Tally
waiting-presenter = في انتظار مقدّم العرض…
ended = انتهى هذا العرض.
join-at = انضم عبر
join-code = الرمز
join-unavailable = رمز الانضمام غير متاح
qr-alt = رمز QR: { $url }
qr-close = اضغط Q أو Escape للإغلاق
audience = { $n } على الصفحة الآن
keys-hint = المفاتيح: J بيانات الانضمام · Q رمز QR كبير · H هذه المساعدة
voting-open = التصويت مفتوح
voting-closed = أُغلق التصويت
waiting-answers = في انتظار الإجابات
seconds-left = { $s } ث
responses = { $n ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $n } إجابات
    [many] { $n } إجابة
   *[other] { $n } إجابة
}
questions-count = { $n ->
    [zero] لا أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $n } أسئلة
    [many] { $n } سؤالًا
   *[other] { $n } سؤال
}
answer-on-phone = أجب من هاتفك
ask-on-phone = اطرح أسئلتك من هاتفك
no-answers = لا إجابات بعد.
no-questions = لا أسئلة بعد.
no-scores = لا نقاط بعد.
page-of = { $page } من { $pages }
votes-line = { $votes } ({ $pct }٪)
ranking-line = { $points } نقطة بوردا · متوسط الترتيب { $mean }
points-line = { $points } نقطة · المتوسط { $mean }
scale-line = المتوسط { $mean } · الوسيط { $median } · { $n } تقييم
qa-pinned = مثبّت
qa-answered = أُجيب عنه
cloud-label = سحابة الكلمات: { $words }
cloud-empty = سحابة الكلمات: لا كلمات بعد
leaderboard = لوحة الصدارة
rank = المرتبة
name = الاسم
score = النقاط
results-announce = النتائج: { $n } مشارك. { $lead }

# Poll results as results.js draws them (presenter console, past rounds,
# phones) and the word cloud's labels (cloud.js, also on the big screen).
results-votes = { $votes } ({ $pct }٪)
results-scale-line = المتوسط { $mean } · الوسيط { $median } · { $n } تقييم
results-ranking-line = { $points } نقطة بوردا · متوسط الترتيب { $mean }
results-points-line = { $points } نقطة · المتوسط { $mean }
results-cloud-label = سحابة الكلمات: { $words }
results-cloud-empty = سحابة الكلمات: لا كلمات بعد
results-cloud-word = { $word }: { $count }
results-scale-count = { $value }: { $count }
results-no-answers = لا إجابات بعد.
results-no-questions = لا أسئلة بعد.
results-pinned = مثبّت
results-answered = أُجيب عنه
results-no-scores = لا نقاط بعد.
results-rank = المرتبة
results-name = الاسم
results-score = النقاط
results-correct = الإجابات الصحيحة
results-summary = { $n ->
    [zero] لا مشاركين. { $lead }
    [one] مشارك واحد. { $lead }
    [two] مشاركان. { $lead }
    [few] { $n } مشاركين. { $lead }
   *[other] { $n } مشاركًا. { $lead }
}
results-summary-points = { $option } { $points } نقطة
results-summary-mean = { $option } المتوسط { $mean }
results-summary-answers = { $n ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $n } إجابات
   *[other] { $n } إجابة
}
results-summary-questions = { $n ->
    [zero] لا أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $n } أسئلة
   *[other] { $n } سؤالًا
}

# Poll results as results.js draws them (presenter console, past rounds,
# phones) and the word cloud's labels (cloud.js, also on the big screen).
results-votes = { $votes } ({ $pct }%)
results-scale-line = mean { $mean } · median { $median } · { $n } rated
results-ranking-line = { $points } Borda points · mean position { $mean }
results-points-line = { $points } points · mean { $mean }
results-cloud-label = Word cloud: { $words }
results-cloud-empty = Word cloud: no words yet
results-cloud-word = { $word }: { $count }
results-scale-count = { $value }: { $count }
results-no-answers = No answers yet.
results-no-questions = No questions yet.
results-pinned = pinned
results-answered = answered
results-no-scores = No scores yet.
results-rank = Rank
results-name = Name
results-score = Score
results-correct = Correct
results-summary = { $n ->
    [one] { $n } participant. { $lead }
   *[other] { $n } participants. { $lead }
}
results-summary-points = { $option } { $points } points
results-summary-mean = { $option } mean { $mean }
results-summary-answers = { $n ->
    [one] { $n } answer
   *[other] { $n } answers
}
results-summary-questions = { $n ->
    [one] { $n } question
   *[other] { $n } questions
}

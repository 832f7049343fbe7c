# Poll results as results.js draws them (presenter console, past rounds,
# phones) and the word cloud's labels (cloud.js, also on the big screen).
results-votes = { $votes } ({ $pct } %)
results-scale-line = moyenne { $mean } · médiane { $median } · { $n } notes
results-ranking-line = { $points } points Borda · position moyenne { $mean }
results-points-line = { $points } points · moyenne { $mean }
results-cloud-label = Nuage de mots : { $words }
results-cloud-empty = Nuage de mots : aucun mot pour l’instant
results-cloud-word = { $word } : { $count }
results-scale-count = { $value } : { $count }
results-no-answers = Pas encore de réponse.
results-no-questions = Pas encore de question.
results-pinned = épinglée
results-answered = répondue
results-no-scores = Pas encore de score.
results-rank = Rang
results-name = Nom
results-score = Score
results-correct = Bonnes réponses
results-summary = { $n ->
    [one] { $n } participant. { $lead }
   *[other] { $n } participants. { $lead }
}
results-summary-points = { $option } { $points } points
results-summary-mean = { $option } moyenne { $mean }
results-summary-answers = { $n ->
    [one] { $n } réponse
   *[other] { $n } réponses
}
results-summary-questions = { $n ->
    [one] { $n } question
   *[other] { $n } questions
}

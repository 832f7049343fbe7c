# Poll results as results.js draws them (presenter console, past rounds,
# phones) and the word cloud's labels (cloud.js, also on the big screen).
results-votes = { $votes } ({ $pct } %)
results-scale-line = Mittel { $mean } · Median { $median } · { $n } Bewertungen
results-ranking-line = { $points } Borda-Punkte · mittlere Position { $mean }
results-points-line = { $points } Punkte · Mittel { $mean }
results-cloud-label = Wortwolke: { $words }
results-cloud-empty = Wortwolke: noch keine Wörter
results-cloud-word = { $word }: { $count }
results-scale-count = { $value }: { $count }
results-no-answers = Noch keine Antworten.
results-no-questions = Noch keine Fragen.
results-pinned = angeheftet
results-answered = beantwortet
results-no-scores = Noch keine Punkte.
results-rank = Platz
results-name = Name
results-score = Punkte
results-correct = Richtig
results-summary = { $n ->
    [one] { $n } Person. { $lead }
   *[other] { $n } Personen. { $lead }
}
results-summary-points = { $option } { $points } Punkte
results-summary-mean = { $option } Mittel { $mean }
results-summary-answers = { $n ->
    [one] { $n } Antwort
   *[other] { $n } Antworten
}
results-summary-questions = { $n ->
    [one] { $n } Frage
   *[other] { $n } Fragen
}

# Poll results as results.js draws them (presenter console, past rounds,
# phones) and the word cloud's labels (cloud.js, also on the big screen).
results-votes = { $votes } ({ $pct } %)
results-scale-line = media { $mean } · mediana { $median } · { $n } valoraciones
results-ranking-line = { $points } puntos Borda · posición media { $mean }
results-points-line = { $points } puntos · media { $mean }
results-cloud-label = Nube de palabras: { $words }
results-cloud-empty = Nube de palabras: aún no hay palabras
results-cloud-word = { $word }: { $count }
results-scale-count = { $value }: { $count }
results-no-answers = Aún no hay respuestas.
results-no-questions = Aún no hay preguntas.
results-pinned = fijada
results-answered = respondida
results-no-scores = Aún no hay puntuaciones.
results-rank = Puesto
results-name = Nombre
results-score = Puntos
results-correct = Aciertos
results-summary = { $n ->
    [one] { $n } participante. { $lead }
   *[other] { $n } participantes. { $lead }
}
results-summary-points = { $option } { $points } puntos
results-summary-mean = { $option } media { $mean }
results-summary-answers = { $n ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
results-summary-questions = { $n ->
    [one] { $n } pregunta
   *[other] { $n } preguntas
}

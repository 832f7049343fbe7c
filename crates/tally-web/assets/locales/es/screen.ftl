# La pantalla del proyector.
screen-title = Pantalla grande · Tally
waiting-presenter = Esperando al presentador…
ended = Esta presentación ha terminado.
join-at = Participa en
join-code = código
join-unavailable = Código de acceso no disponible
qr-alt = Código QR: { $url }
qr-close = Pulsa Q o Escape para cerrar
audience = { $n } en la página ahora
keys-hint = Teclas: J acceso · Q código QR grande · H esta ayuda
voting-open = Votación abierta
voting-closed = Votación cerrada
waiting-answers = Esperando respuestas
seconds-left = { $s } s
responses = { $n ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
questions-count = { $n ->
    [one] { $n } pregunta
   *[other] { $n } preguntas
}
answer-on-phone = Responde en tu móvil
ask-on-phone = Haz tus preguntas en tu móvil
no-answers = Aún no hay respuestas.
no-questions = Aún no hay preguntas.
no-scores = Aún no hay puntuaciones.
page-of = { $page } / { $pages }
votes-line = { $votes } ({ $pct } %)
ranking-line = { $points } puntos Borda · posición media { $mean }
points-line = { $points } puntos · media { $mean }
scale-line = media { $mean } · mediana { $median } · { $n } valoraciones
qa-pinned = fijada
qa-answered = respondida
cloud-label = Nube de palabras: { $words }
cloud-empty = Nube de palabras: aún no hay palabras
leaderboard = Clasificación
rank = Puesto
name = Nombre
score = Puntos
results-announce = { $n ->
    [one] Resultados: { $n } participante. { $lead }
   *[other] Resultados: { $n } participantes. { $lead }
}

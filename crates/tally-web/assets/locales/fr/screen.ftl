# L’écran de projection.
screen-title = Grand écran · Tally
waiting-presenter = En attente de l’animateur…
ended = Cette présentation est terminée.
join-at = Participez sur
join-code = code
join-unavailable = Code d’accès indisponible
qr-alt = Code QR : { $url }
qr-close = Appuyez sur Q ou Échap pour fermer
audience = { $n } sur la page en ce moment
keys-hint = Touches : J accès · Q grand code QR · H cette aide
voting-open = Vote ouvert
voting-closed = Vote clos
waiting-answers = En attente des réponses
seconds-left = { $s } s
responses = { $n ->
    [one] { $n } réponse
   *[other] { $n } réponses
}
questions-count = { $n ->
    [one] { $n } question
   *[other] { $n } questions
}
answer-on-phone = Répondez sur votre téléphone
ask-on-phone = Posez vos questions sur votre téléphone
no-answers = Pas encore de réponse.
no-questions = Pas encore de question.
no-scores = Pas encore de score.
page-of = { $page } / { $pages }
votes-line = { $votes } ({ $pct } %)
ranking-line = { $points } points Borda · position moyenne { $mean }
points-line = { $points } points · moyenne { $mean }
scale-line = moyenne { $mean } · médiane { $median } · { $n } notes
qa-pinned = épinglée
qa-answered = répondue
cloud-label = Nuage de mots : { $words }
cloud-empty = Nuage de mots : aucun mot pour l’instant
leaderboard = Classement
rank = Rang
name = Nom
score = Score
results-announce = { $n ->
    [one] Résultats : { $n } participant. { $lead }
   *[other] Résultats : { $n } participants. { $lead }
}

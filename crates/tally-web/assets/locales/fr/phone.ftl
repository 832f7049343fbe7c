# La page téléphone du public (js/phone.js et js/phone/*.js).

## Rejoindre
phone-join-title = Rejoindre une présentation
phone-code = Code d'accès
phone-code-help = Les six chiffres affichés sur le grand écran.
phone-code-invalid = Saisissez les six chiffres affichés sur le grand écran.
phone-name = Votre nom (facultatif)
phone-join = Rejoindre
phone-joining = Connexion…
phone-busy = Occupé, nouvel essai…
phone-offline-join = Vous semblez hors ligne. Vérifiez votre connexion et réessayez.
phone-no-such-code = Aucune présentation n'a ce code. Vérifiez le code sur le grand écran.

## La barre du haut
phone-status-live = En direct
phone-status-connecting = Connexion…
phone-status-reconnecting = Reconnexion…
phone-status-offline = Hors ligne : vos votes partiront dès votre retour
phone-status-ended = Terminée
phone-slide-of = Diapositive { $n } sur { $total }
phone-sections = Sections
phone-tab-poll = Cette diapositive
phone-tab-questions = Questions

## L'accueil avant la première diapositive, et la fin
phone-lobby-in = Vous y êtes !
phone-lobby-in-named = Vous y êtes, { $name } !
phone-lobby-title = Préparez-vous
phone-lobby-wait = La première question s'affichera ici dès que la présentation commencera.
phone-ended = Cette présentation est terminée
phone-thanks = Merci de votre participation.

## Le minuteur
phone-time-left = encore { $time }
phone-time-up = Le temps est écoulé
phone-voting-closed = Vote clos

## Voter
phone-vote = Voter
phone-send-new-vote = Envoyer mon nouveau vote
phone-keep-vote = Garder mon vote
phone-change-vote = Modifier mon vote
phone-retract-vote = Retirer mon vote
phone-sending = Envoi…
phone-vote-counted = Votre vote a été compté.
phone-awaiting-approval = Reçu. Votre réponse attend l'approbation de la modération.
phone-vote-queued = Vous êtes hors ligne. Votre vote est enregistré sur ce téléphone et partira dès votre retour en ligne.
phone-vote-retracted = Votre vote a été retiré.
phone-closed-before = Le vote a été clos avant l'arrivée de votre vote.
phone-busy-retry = Envoi… Tally est occupé ; nouvel essai dans { $s } s.
phone-offline-retry = Vous êtes hors ligne ; réessayez à votre retour.
phone-choose-one = Choisissez une réponse
phone-choose-up-to = Choisissez jusqu'à { $max }
phone-choose-between = Choisissez de { $min } à { $max }
phone-chosen = { $n ->
    [one] { $n } choisie
   *[other] { $n } choisies
}
phone-chosen-of = { $n } sur { $max } choisies
phone-rank-hint = Le meilleur en premier. Réordonnez avec les flèches.
phone-move-up = Monter { $name }
phone-move-down = Descendre { $name }
phone-points-left = { $left } sur { $budget } points restants
phone-points-value = { $n ->
    [one] { $n } point
   *[other] { $n } points
}
phone-your-word = Votre mot
phone-word = Mot { $n }
phone-word-optional = Mot { $n } (facultatif)
phone-your-answer = Votre réponse
phone-chars-left = { $n ->
    [one] { $n } caractère restant
   *[other] { $n } caractères restants
}
phone-need-choice = Choisissez d'abord une réponse.
phone-need-more = Choisissez-en au moins { $min }.
phone-need-rating = Notez au moins une affirmation.
phone-need-points = Donnez au moins un point.
phone-need-word = Saisissez d'abord un mot.
phone-need-text = Saisissez d'abord votre réponse.
phone-unsupported = Ce type de sondage n'est pas pris en charge ici.

## Ce que le participant a envoyé
phone-you-chose = Votre choix : { $what }
phone-your-ratings = Vos notes : { $what }
phone-your-order = Votre classement : { $what }
phone-your-points = Vos points : { $what }
phone-your-words = Vos mots : { $what }
phone-your-text = Votre réponse : { $what }

## Résultats
phone-results = Résultats
phone-results-after-vote = Les résultats s'afficheront ici une fois que vous aurez voté.
phone-your-choice = Votre choix
phone-correct = Bonne réponse !
phone-not-correct = Pas cette fois.
phone-score = Votre score au quiz : { $score } points ({ $correct } bonnes réponses)

## Questions
phone-ask = Posez une question
phone-send-question = Envoyer la question
phone-need-question = Saisissez d'abord votre question.
phone-question-sent = Votre question a été envoyée.
phone-questions = Questions
phone-no-questions = Aucune question pour l'instant. Soyez le premier.
phone-answered = répondue
phone-awaiting-approval-short = En attente d'approbation
phone-upvote-name = votes. Soutenir : { $text }

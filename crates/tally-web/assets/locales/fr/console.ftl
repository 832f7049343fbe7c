# La console de présentation (js/console.js et js/console/*.js).
console-page-title = Console de présentation · Tally
console-title = Console de présentation
console-role-cohost = co-animation
console-role-moderator = modération
console-nav = Liens de la console
console-open-screen = Ouvrir le grand écran
console-all = Toutes les présentations
console-moderator-note = Vous modérez les textes du public : masquez ou approuvez ce qu’il envoie, épinglez les questions et marquez-les comme répondues. La personne qui présente fait défiler les diapositives.
console-load-failed = Impossible de charger la présentation : { $reason }
console-screen-only = Ce lien n’ouvre que le grand écran : il ne permet ni de mener ni de modérer la présentation.
console-deleted = Cette présentation a été supprimée.
console-failed = { $action } : { $reason }

console-join = Rejoindre sur { $url }
console-join-code = Code d’accès { $code }
console-audience-unknown = Public : –
console-audience = { $count ->
    [one] { $count } sur la page en direct en ce moment
   *[other] { $count } sur la page en direct en ce moment
}
console-conn-live = En direct
console-conn = Diapositives : { $slides } · résultats : { $results }
console-status-connecting = connexion
console-status-live = en direct
console-status-reconnecting = reconnexion
console-status-offline = hors ligne
console-status-deleted = supprimée

console-on-screen = À l’écran
console-no-poll = Aucun sondage à l’écran.
console-slide-meta = Diapositive { $number } sur { $count } · { $type } · manche { $round }
console-slide-meta-content = Diapositive { $number } sur { $count } · { $type }
console-voting-open = Vote ouvert
console-voting-closed = Vote fermé
console-results-shown = Résultats affichés
console-results-hidden = Résultats masqués
console-results-held = Résultats affichés à la fermeture du vote
console-results = Résultats
console-waiting-votes = En attente des premiers votes…
console-participants = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
console-time-left = encore { $time }
console-time-up = Temps écoulé
console-type-single = Choix unique
console-type-multiple = Choix multiple
console-type-quiz = Quiz
console-type-scale = Échelle
console-type-ranking = Classement
console-type-points = Points
console-type-wordcloud = Nuage de mots
console-type-open = Texte libre
console-type-qa = Questions-réponses
console-type-content = Diapositive de contenu
console-content-note = Diapositive de contenu : le public la lit, il n’y a rien à répondre
console-content-results = Une diapositive de contenu ne reçoit pas de réponses.

console-run = Mener la présentation
console-next = Suivant →
console-previous = ← Précédent
console-goto = Aller à
console-next-meta = Ensuite : diapositive { $number } · { $type }
console-next-none = C’est la dernière diapositive.
console-more-options = { $count ->
    [one] et { $count } autre option
   *[other] et { $count } autres options
}
console-open-voting = Ouvrir le vote
console-close-voting = Fermer le vote
console-show-results = Afficher les résultats
console-hide-results = Masquer les résultats
console-hold = Masquer les résultats jusqu’à la fermeture du vote
console-hold-hint = Pour tout l’événement : la salle voit les résultats une fois le vote fermé.
console-timer-seconds = Minuteur (secondes)
console-timer-start = Lancer ou ajouter
console-timer-stop = Arrêter
console-reset = Nouvelle manche
console-reset-confirm = Commencer la manche { $round } de ce sondage ? Ses résultats repartent de zéro ; les manches précédentes restent consultables sous « Manches précédentes ».
console-keys = Touches
console-key-next = diapositive suivante
console-key-previous = diapositive précédente
console-key-space-name = Espace
console-key-voting = ouvrir ou fermer le vote
console-key-results = afficher ou masquer les résultats
console-keys-note = Les touches marchent même quand un bouton a le focus (Entrée l’active).

console-action-next = Suivant
console-action-previous = Précédent
console-action-goto = Aller à
console-action-voting = Vote
console-action-results = Résultats
console-action-timer = Minuteur
console-action-reset = Nouvelle manche
console-action-moderation = Modération
console-action-settings = Réglages

console-side = Notes et modération
console-notes = Notes de présentation
console-notes-none = Aucune note pour cette diapositive. Ajoutez-en dans l’éditeur.
console-moderation = Modération
console-nothing-to-moderate = Rien à modérer sur ce sondage.
console-held = En attente ({ $count })
console-shown = Affichés ({ $count })
console-nothing-held = Rien en attente.
console-nothing-yet = Rien pour l’instant.
console-approve = Approuver
console-hide = Masquer
console-pin = Épingler
console-unpin = Désépingler
console-answered = Répondue
console-action-on = { $action } : { $text }
console-upvotes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
}
console-leaderboard = Classement du quiz

console-rounds = Manches précédentes
console-round-poll = Sondage
console-round-of = Manche { $round }
console-round-responses = { $count ->
    [one] Manche { $round } · { $count } réponse
   *[other] Manche { $round } · { $count } réponses
}
console-rounds-none = Ce sondage n’a pas été réinitialisé : il n’a pas encore de manche précédente.

console-people = Liens pour d’autres personnes
console-key-title = Clé de présentation
console-key-hint = Pour mener cette présentation depuis un autre ordinateur (celui de la salle), collez cette clé dans sa console ou son grand écran. Quiconque la détient peut mener et supprimer la présentation : ne la partagez qu’avec des personnes de confiance.
console-key-show = Afficher
console-key-copy = Copier la clé de présentation
console-key-copied = Copiée. Collez-la sur l’autre ordinateur.
console-key-copy-failed = Copie impossible. Affichez la clé et copiez-la à la main.

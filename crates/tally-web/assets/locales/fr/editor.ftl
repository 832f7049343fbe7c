# L’éditeur de deck : /new et /edit/{id}.
editor-page-title-new = Nouvelle présentation · Tally
editor-page-title-edit = Modifier le deck · Tally
editor-heading-new = Nouvelle présentation
editor-heading-edit = Modifier le deck
editor-home = Toutes les présentations
editor-start = Commencer avec
editor-toolbar = Actions sur le deck

## Commencer un deck
editor-start-blank = Vierge
editor-start-blank-hint = Une diapositive vide : vous construisez le deck vous-même.
editor-start-blank-button = Commencer vierge
editor-start-template = Modèle
editor-template-slides = { $n ->
    [one] { $n } diapositive
   *[other] { $n } diapositives
}
editor-template-icebreaker = Brise-glace
editor-template-quiz = Quiz rapide
editor-template-retrospective = Rétrospective
editor-template-event-feedback = Avis sur l’événement
editor-start-outline = Plan
editor-outline-label = Coller un plan
editor-outline-hint = Markdown : un titre par question (# …), ses options en puces (- …) ; marquez une réponse de quiz avec - [x]. Ou CSV : une question par ligne, ses options dans les cellules suivantes.
editor-outline-placeholder = # Où nous retrouver la prochaine fois ?
    - Berlin
    - Lisbonne
editor-outline-read = Lire le plan
editor-outline-file = Choisir un fichier .md ou .csv
editor-outline-empty = Collez d’abord un plan, ou choisissez un fichier.
editor-outline-refused-at = La question { $n } du plan n’a pas pu être lue. Vérifiez son titre et ses puces.
editor-start-file = Fichier de deck
editor-start-file-hint = Un fichier .json exporté de Tally. Il devient une nouvelle présentation avec son propre code.
editor-start-file-button = Choisir un fichier de deck
editor-file-not-json = Ce fichier n’est pas un fichier de deck : il ne contient pas de JSON.
editor-file-refused-at = La diapositive { $n } de ce fichier a été refusée : { $reason }
editor-start-again = Recommencer

## La barre
editor-deck-title = Titre de la présentation
editor-deck-title-placeholder = Affiché sur les téléphones et le grand écran
editor-filter = Filtre de grossièretés pour les textes du public
editor-filter-off = Désactivé
editor-filter-standard = Standard
editor-filter-strict = Strict
editor-undo = Annuler
editor-redo = Rétablir
editor-save = Enregistrer
editor-create = Créer la présentation
editor-console = Console
editor-export = Exporter le fichier
editor-duplicate-deck = Dupliquer le deck
editor-dismiss = Fermer
editor-status-new = Pas encore créée · brouillon gardé dans ce navigateur
editor-status-unsaved = Modifications non enregistrées · brouillon gardé dans ce navigateur
editor-status-saved = Tout est enregistré (version { $revision })
editor-status-busy = Un instant…
editor-shortcuts = Raccourcis : Ctrl+Z annuler, Ctrl+Maj+Z rétablir, Ctrl+S enregistrer, Alt+↑/↓ déplace la diapositive choisie, Entrée dans une option ajoute la suivante. Un deck compte jusqu’à { $max } diapositives.
editor-undone = Annulé.
editor-redone = Rétabli.

## La liste des diapositives
editor-slides = { $n ->
    [one] { $n } diapositive
   *[other] { $n } diapositives
}
editor-slides-help = Faites glisser une diapositive par sa poignée, ou appuyez sur Alt+↑ ou Alt+↓ pour la déplacer.
editor-add-slide = + Diapositive
editor-drag = Glisser pour déplacer
editor-untitled = (pas encore de question)
editor-on-screen = À l’écran
editor-slide-problems = { $n ->
    [one] { $n } problème
   *[other] { $n } problèmes
}
editor-moved = Diapositive { $from } déplacée en position { $to } sur { $total }.
editor-added = Diapositive { $n } ajoutée.
editor-duplicated = Diapositive { $n } dupliquée en diapositive { $to }.
editor-deleted = Diapositive { $n } supprimée. Ctrl+Z la rétablit.

## Le formulaire de la diapositive
editor-slide-of = Diapositive { $n } sur { $total }
editor-round = Manche { $n }
editor-move-up = ↑ Monter
editor-move-down = ↓ Descendre
editor-move-up-label = Monter la diapositive { $n }
editor-move-down-label = Descendre la diapositive { $n }
editor-duplicate-slide = Dupliquer
editor-delete-slide = Supprimer
editor-live-hint = Modifier le texte est sans risque pendant le vote. Retirer une option, ou changer le type ou les règles d’une diapositive qui a des votes, ouvre une nouvelle manche.
editor-question = Question
editor-count = { $n } sur { $max } caractères
editor-image = Image à côté de la question
editor-image-add = Ajouter une image (PNG, JPEG, WebP ou GIF)
editor-image-alt = Décrire l’image
editor-image-alt-hint = Lue aux personnes qui ne la voient pas. Obligatoire, { $max } caractères au plus.
editor-image-remove = Retirer l’image
editor-image-after-create = Les images peuvent être ajoutées une fois la présentation créée.
editor-type = Type de diapositive
editor-type-single = Choix unique
editor-type-multiple = Choix multiple
editor-type-scale = Échelle de notation
editor-type-ranking = Classement
editor-type-points = 100 points
editor-type-wordcloud = Nuage de mots
editor-type-open = Texte libre
editor-type-quiz = Quiz
editor-type-qa = Questions-réponses
editor-type-content = Diapositive de contenu
editor-heading = Titre
editor-body = Texte
editor-body-hint = Des paragraphes (séparés par une ligne vide), **gras**, *italique* et des listes (- ou 1.). Ni liens, ni HTML, ni titres.
editor-err-body-long = Le texte fait { $n } caractères ; une diapositive en accepte au plus { $max }.
editor-err-body-html = Le HTML ne s’affiche pas sur une diapositive : écrivez du texte simple, avec **gras**, *italique* ou des listes.
editor-err-body-link = Les liens ne s’affichent pas sur une diapositive : écrivez l’adresse en texte.
editor-err-body-heading = Le titre de la diapositive a son propre champ : retirez le # en début de ligne.
editor-options = Options
editor-statements = Affirmations à noter
editor-options-hint = { $n } sur { $max } options. Entrée dans une option ajoute la suivante, Alt+↑ ou Alt+↓ la déplace.
editor-option-moved = Option { $from } déplacée en position { $to } sur { $total }.
editor-option-n = Option { $n }
editor-statement-n = Affirmation { $n }
editor-correct = Correcte
editor-remove-option = Retirer l’option { $n }
editor-add-option = + Option
editor-add-statement = + Affirmation
editor-no-options-wordcloud = Le public envoie des mots ; le grand écran les montre en nuage. Vos options sont gardées si vous revenez en arrière.
editor-no-options-open = Le public écrit une réponse ; le grand écran les montre en cartes. Vos options sont gardées si vous revenez en arrière.
editor-no-options-qa = Le public pose des questions et vote pour elles. Vos options sont gardées si vous revenez en arrière.
editor-settings = Réglages de cette diapositive
editor-default = Vide : { $value }
editor-min-choices = Choix minimum
editor-max-choices = Choix maximum
editor-scale-min = Échelle de
editor-scale-max = Échelle à
editor-scale-min-label = Libellé du plus bas
editor-scale-max-label = Libellé du plus haut
editor-points-budget = Points à répartir
editor-max-entries = Mots par personne
editor-max-length = Caractères par réponse
editor-quiz-points = Points pour une bonne réponse
editor-timer = Minuteur en secondes (vide : aucun)
editor-allow-change = Le public peut changer son vote
editor-results-after-vote = Les téléphones montrent les résultats seulement après le vote
editor-moderated = Retenir les réponses jusqu’à mon approbation
editor-notes = Notes de l’orateur
editor-notes-hint = Vous seul les voyez, dans la console.

## Erreurs à côté des champs, et le récapitulatif
editor-summary = { $n ->
    [one] Il y a un problème
   *[other] Il y a { $n } problèmes
}
editor-summary-item = Diapositive { $n } : { $text }
editor-err-question-empty = Saisissez une question.
editor-err-question-long = Raccourcissez la question à { $max } caractères au plus (elle en a { $n }).
editor-err-option-empty = Saisissez le texte de l’option { $n }, ou retirez-la.
editor-err-option-long = Raccourcissez l’option { $n } à { $max } caractères au plus (elle en a { $count }).
editor-err-option-same = L’option { $n } est identique à l’option { $other } : le public ne pourrait pas les distinguer.
editor-err-options-many = Saisissez au plus { $max } options (cette diapositive en a { $n }).
editor-err-scale-text = Les affirmations font { $chars } caractères ; une échelle de notation en accepte au plus { $limit } au total, pour que le grand écran montre chaque affirmation. Raccourcissez-les ou partagez la diapositive.
editor-err-number-range = Saisissez un nombre entier de { $min } à { $max }, ou laissez vide.
editor-err-whole-number = Saisissez un nombre entier.
editor-err-choices-order = Le minimum de choix ({ $min }) ne doit pas dépasser le maximum ({ $max }).
editor-err-scale-order = L’échelle doit monter : « à » ({ $max }) doit être plus grand que « de » ({ $min }).
editor-err-scale-span = Une échelle compte au plus { $max } pas.
editor-err-correct-none = Marquez au moins une option comme correcte.
editor-err-correct-count = Marquez de { $min } à { $max } options correctes (maintenant { $count }), ou changez le nombre de choix.
editor-err-notes-long = Raccourcissez les notes à { $max } caractères au plus (elles en ont { $n }).
editor-err-title-long = Raccourcissez le titre à { $max } caractères au plus (il en a { $n }).
editor-err-alt-empty = Décrivez l’image pour les personnes qui ne la voient pas.
editor-err-alt-long = Raccourcissez la description à { $max } caractères au plus (elle en a { $n }).
editor-err-no-slides = Ajoutez au moins une diapositive.
editor-err-slides-many = Un deck compte au plus { $max } diapositives (celui-ci en a { $n }).

## Enregistrer
editor-saving = Enregistrement…
editor-creating = Création de la présentation…
editor-saved = Enregistré. Les téléphones et le grand écran montrent la modification maintenant.
editor-refused = Tally a refusé le deck : { $reason }
editor-stale = Quelqu’un d’autre a enregistré ce deck (maintenant version { $revision }) depuis que vous l’avez ouvert. Vos modifications ne sont pas enregistrées, et rien des siennes n’a été écrasé. Chargez sa version, puis refaites votre modification : Ctrl+Z fait revenir la vôtre pour la recopier.
editor-changed-elsewhere = Quelqu’un d’autre vient d’enregistrer ce deck (version { $revision }). Vos modifications non enregistrées ne remplaceraient pas les siennes : chargez sa version, puis refaites votre modification.
editor-updated-elsewhere = Mis à jour à la version { $revision }, enregistrée ailleurs.
editor-load-latest = Charger la dernière version
editor-reloaded = Voici la dernière version ({ $revision }). Ctrl+Z montre de nouveau vos modifications.
editor-has-votes = La diapositive { $slide } a déjà des votes dans cette manche, et { $what } changerait le sens de ces votes. Pour le faire, ouvrez une nouvelle manche : les votes déjà reçus restent dans l’ancienne manche, et la diapositive repart de zéro.
editor-edit-option_removed = retirer « { $option } »
editor-edit-type = changer son type
editor-edit-rules = changer ses règles (choix, échelle, points ou bonnes réponses)
editor-edit-other = cette modification
editor-new-round = Ouvrir une nouvelle manche et enregistrer
editor-cannot-remove = La diapositive { $slide } a des votes, elle ne peut donc pas être supprimée : ses résultats seraient perdus. Annulez la suppression, ou ne la montrez simplement pas.
editor-cannot-change = La diapositive { $slide } a des questions du public, son type ne peut donc pas changer. Annulez la modification, ou ajoutez une nouvelle diapositive.
editor-on-screen-refused = Une diapositive supprimée est à l’écran en ce moment (diapositive { $slide }). Passez d’abord à une autre diapositive dans la console, ou annulez la suppression.
editor-draft-restored = Vos modifications non enregistrées de { $when } sont revenues.
editor-discard-draft = Les abandonner
editor-exported = Le fichier de deck est téléchargé.
editor-exported-unsaved = Le fichier de deck est téléchargé, avec vos modifications non enregistrées.
editor-copy-title = Copie de { $title }
editor-duplicated-deck = Une copie de ce deck a été créée, avec le code { $code }.
editor-duplicated-deck-unsaved = Une copie du deck enregistré a été créée, avec le code { $code }. Vos modifications non enregistrées ne sont qu’ici.
editor-open-copy = Ouvrir la copie

## L’aperçu
editor-preview = Aperçu
editor-pv-phone = Téléphone
editor-pv-screen = Grand écran
editor-pv-phone-label = La diapositive { $n } sur un téléphone
editor-pv-screen-label = La diapositive { $n } sur le grand écran
editor-pv-live = En direct
editor-pv-slide = Diapositive { $n } sur { $total }
editor-pv-vote = Voter
editor-pv-send = Envoyer
editor-pv-word = Mot { $n }
editor-pv-answer = Votre réponse
editor-pv-ask = Poser une question
editor-pv-points-left = { $n } points à répartir
editor-pv-join = Rejoignez à cette adresse avec le code
editor-pv-timer = { $n } s
editor-pv-more = { $n } de plus
editor-pv-cloud = Les mots apparaissent ici à mesure qu’ils arrivent
editor-pv-answers = Les réponses apparaissent ici en cartes
editor-pv-questions = Les questions apparaissent ici, les plus votées d’abord

# The deck editor: /new and /edit/{id}.
editor-page-title-new = New presentation · Tally
editor-page-title-edit = Edit deck · Tally
editor-heading-new = New presentation
editor-heading-edit = Edit deck
editor-home = All presentations
editor-start = Start from
editor-toolbar = Deck actions

## Starting a deck
editor-start-blank = Blank
editor-start-blank-hint = One empty slide: build the deck yourself.
editor-start-blank-button = Start blank
editor-start-template = Template
editor-template-slides = { $n ->
    [one] { $n } slide
   *[other] { $n } slides
}
editor-template-icebreaker = Icebreaker
editor-template-quiz = Quick quiz
editor-template-retrospective = Retrospective
editor-template-event-feedback = Event feedback
editor-start-outline = Outline
editor-outline-label = Paste an outline
editor-outline-hint = Markdown: a heading per question (# …), its options as bullets (- …); mark a quiz answer with - [x]. Or CSV: one question per row, its options in the next cells.
editor-outline-placeholder = # Where should we meet next?
    - Berlin
    - Lisbon
editor-outline-read = Read outline
editor-outline-file = Choose a .md or .csv file
editor-outline-empty = Paste an outline first, or choose a file.
editor-outline-refused-at = Question { $n } of the outline could not be read. Check its heading and bullets.
editor-start-file = Deck file
editor-start-file-hint = A .json file exported from Tally. It becomes a new presentation with its own join code.
editor-start-file-button = Choose a deck file
editor-file-not-json = This file is not a deck file: it does not hold JSON.
editor-file-refused-at = Slide { $n } of this file was refused: { $reason }
editor-start-again = Start again

## The bar
editor-deck-title = Presentation title
editor-deck-title-placeholder = Shown on the phones and the big screen
editor-filter = Profanity filter for audience text
editor-filter-off = Off
editor-filter-standard = Standard
editor-filter-strict = Strict
editor-undo = Undo
editor-redo = Redo
editor-save = Save
editor-create = Create presentation
editor-console = Console
editor-export = Export file
editor-duplicate-deck = Duplicate deck
editor-dismiss = Dismiss
editor-status-new = Not created yet · draft kept in this browser
editor-status-unsaved = Unsaved changes · draft kept in this browser
editor-status-saved = All changes saved (version { $revision })
editor-status-busy = Working…
editor-shortcuts = Shortcuts: Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+S save, Alt+↑/↓ move the selected slide, Enter in an option adds the next one. A deck holds up to { $max } slides.
editor-undone = Undone.
editor-redone = Redone.

## The slide list
editor-slides = { $n ->
    [one] { $n } slide
   *[other] { $n } slides
}
editor-slides-help = Drag a slide by its grip, or press Alt+↑ or Alt+↓ to move it.
editor-add-slide = + Add slide
editor-drag = Drag to move
editor-untitled = (no question yet)
editor-on-screen = On screen
editor-slide-problems = { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}
editor-moved = Slide { $from } moved to position { $to } of { $total }.
editor-added = Slide { $n } added.
editor-duplicated = Slide { $n } duplicated as slide { $to }.
editor-deleted = Slide { $n } deleted. Ctrl+Z brings it back.

## The slide form
editor-slide-of = Slide { $n } of { $total }
editor-round = Round { $n }
editor-move-up = ↑ Up
editor-move-down = ↓ Down
editor-move-up-label = Move slide { $n } up
editor-move-down-label = Move slide { $n } down
editor-duplicate-slide = Duplicate
editor-delete-slide = Delete
editor-live-hint = Text edits are safe while people vote. Removing an option, or changing the type or the rules of a slide with votes, starts a new round.
editor-question = Question
editor-count = { $n } of { $max } characters
editor-image = Image beside the question
editor-image-add = Add an image (PNG, JPEG, WebP or GIF)
editor-image-alt = Describe the image
editor-image-alt-hint = Read out to people who cannot see it. Required, up to { $max } characters.
editor-image-remove = Remove the image
editor-image-after-create = Images can be added once the presentation is created.
editor-type = Slide type
editor-type-single = Single choice
editor-type-multiple = Multiple choice
editor-type-scale = Rating scale
editor-type-ranking = Ranking
editor-type-points = 100 points
editor-type-wordcloud = Word cloud
editor-type-open = Open text
editor-type-quiz = Quiz
editor-type-qa = Q&A
editor-type-content = Content slide
editor-heading = Heading
editor-body = Text
editor-body-hint = Paragraphs (a blank line between them), **bold**, *italic* and lists (- or 1.). No links, HTML or headings.
editor-err-body-long = The text is { $n } characters long; a slide takes at most { $max }.
editor-err-body-html = HTML is not shown on a slide: write plain text, with **bold**, *italic* or lists.
editor-err-body-link = Links are not shown on a slide: write the address as text.
editor-err-body-heading = The slide's heading is its own field: remove the # at the start of the line.
editor-options = Options
editor-statements = Statements to rate
editor-options-hint = { $n } of { $max } options. Press Enter in an option to add the next one, Alt+↑ or Alt+↓ to move it.
editor-option-moved = Option { $from } moved to position { $to } of { $total }.
editor-option-n = Option { $n }
editor-statement-n = Statement { $n }
editor-correct = Correct
editor-remove-option = Remove option { $n }
editor-add-option = + Add option
editor-add-statement = + Add statement
editor-no-options-wordcloud = People send words; the big screen shows them as a cloud. Your options are kept if you switch back.
editor-no-options-open = People write an answer; the big screen shows them as cards. Your options are kept if you switch back.
editor-no-options-qa = People ask questions and vote them up. Your options are kept if you switch back.
editor-settings = Settings for this slide
editor-default = Empty: { $value }
editor-min-choices = Fewest choices
editor-max-choices = Most choices
editor-scale-min = Scale from
editor-scale-max = Scale to
editor-scale-min-label = Label of the lowest
editor-scale-max-label = Label of the highest
editor-points-budget = Points to spread
editor-max-entries = Words per person
editor-max-length = Characters per entry
editor-quiz-points = Points for a correct answer
editor-timer = Timer in seconds (empty: none)
editor-allow-change = People may change their vote
editor-results-after-vote = Phones show results only after voting
editor-moderated = Hold entries until I approve them
editor-notes = Presenter notes
editor-notes-hint = Only you see them, in the console.

## Errors beside the fields, and the summary
editor-summary = { $n ->
    [one] There is a problem
   *[other] There are { $n } problems
}
editor-summary-item = Slide { $n }: { $text }
editor-err-question-empty = Enter a question.
editor-err-question-long = Shorten the question to { $max } characters or fewer (it has { $n }).
editor-err-option-empty = Enter the text of option { $n }, or remove it.
editor-err-option-long = Shorten option { $n } to { $max } characters or fewer (it has { $count }).
editor-err-option-same = Option { $n } is the same as option { $other }: people could not tell them apart.
editor-err-options-many = Enter at most { $max } options (this slide has { $n }).
editor-err-scale-text = The statements have { $chars } characters; a rating scale may have at most { $limit } in all, so that the big screen can show every statement. Shorten them or split the slide.
editor-err-number-range = Enter a whole number from { $min } to { $max }, or leave it empty.
editor-err-whole-number = Enter a whole number.
editor-err-choices-order = The fewest choices ({ $min }) must not be more than the most ({ $max }).
editor-err-scale-order = The scale must go up: “to” ({ $max }) must be more than “from” ({ $min }).
editor-err-scale-span = A scale spans at most { $max } steps.
editor-err-correct-none = Mark at least one option as correct.
editor-err-correct-count = Mark from { $min } to { $max } correct options (now { $count }), or change the number of choices.
editor-err-notes-long = Shorten the notes to { $max } characters or fewer (they have { $n }).
editor-err-title-long = Shorten the title to { $max } characters or fewer (it has { $n }).
editor-err-alt-empty = Describe the image for people who cannot see it.
editor-err-alt-long = Shorten the description to { $max } characters or fewer (it has { $n }).
editor-err-no-slides = Add at least one slide.
editor-err-slides-many = A deck holds at most { $max } slides (this one has { $n }).

## Saving
editor-saving = Saving…
editor-creating = Creating the presentation…
editor-saved = Saved. Phones and the big screen show the change now.
editor-refused = Tally refused the deck: { $reason }
editor-stale = Someone else saved this deck (now version { $revision }) since you opened it. Your changes are not saved, and nothing of theirs was overwritten. Load their version, then make your change again: Ctrl+Z brings yours back to copy from.
editor-changed-elsewhere = Someone else just saved this deck (version { $revision }). Your unsaved changes would not replace theirs: load their version, then make your change again.
editor-updated-elsewhere = Updated to version { $revision }, saved elsewhere.
editor-load-latest = Load the latest version
editor-reloaded = This is the latest version ({ $revision }). Ctrl+Z shows your changes again.
editor-has-votes = Slide { $slide } already has votes in this round, and { $what } would change what those votes mean. To make it, start a new round: the votes so far are kept under the old round, and the slide counts from zero.
editor-edit-option_removed = removing “{ $option }”
editor-edit-type = changing its type
editor-edit-rules = changing its rules (choices, scale, points or correct answers)
editor-edit-other = this change
editor-new-round = Start a new round and save
editor-cannot-remove = Slide { $slide } has votes, so it cannot be deleted: its results would be lost. Undo the deletion, or leave the slide out by not showing it.
editor-cannot-change = Slide { $slide } has audience questions, so its type cannot change. Undo the change, or add a new slide instead.
editor-on-screen-refused = A deleted slide is on the big screen now (slide { $slide }). Move to another slide in the console first, or undo the deletion.
editor-draft-restored = Your unsaved changes from { $when } are back.
editor-discard-draft = Discard them
editor-exported = The deck file is downloaded.
editor-exported-unsaved = The deck file is downloaded, with your unsaved changes.
editor-copy-title = Copy of { $title }
editor-duplicated-deck = A copy of this deck was made, with join code { $code }.
editor-duplicated-deck-unsaved = A copy of the saved deck was made, with join code { $code }. Your unsaved changes are only here.
editor-open-copy = Open the copy

## The preview
editor-preview = Preview
editor-pv-phone = Phone
editor-pv-screen = Big screen
editor-pv-phone-label = How slide { $n } looks on a phone
editor-pv-screen-label = How slide { $n } looks on the big screen
editor-pv-live = Live
editor-pv-slide = Slide { $n } of { $total }
editor-pv-vote = Vote
editor-pv-send = Send
editor-pv-word = Word { $n }
editor-pv-answer = Your answer
editor-pv-ask = Ask a question
editor-pv-points-left = { $n } points to spread
editor-pv-join = Join at this address with the code
editor-pv-timer = { $n } s
editor-pv-more = { $n } more
editor-pv-cloud = Words appear here as people send them
editor-pv-answers = Answers appear here as cards
editor-pv-questions = Questions appear here, most votes first

# A contestant's feedback (feedback.js).
feedback-page-title = Feedback · Tally
feedback-title = Feedback
feedback-no-link = Open the private link the organiser sent you.
feedback-for = Feedback for { $contestant }
feedback-none = No comments yet.
feedback-anonymous = The judges' names are not shown. Only comments from submitted score sheets appear.
feedback-replaced = This link no longer works: the organiser may have sent a newer one.

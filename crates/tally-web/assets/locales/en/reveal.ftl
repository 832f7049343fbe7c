# The big-screen reveal of a published round (reveal.js).
reveal-page-title = Results · Tally
reveal-title = Results
reveal-the-results = The results
# Said as each place is revealed, from the last up to the winner.
reveal-announce = And in { $rank ->
    [1] first
    [2] second
    [3] third
    [4] fourth
    [5] fifth
    [6] sixth
    [7] seventh
    [8] eighth
    [9] ninth
    [10] tenth
   *[other] { NUMBER($rank, type: "ordinal") ->
        [one] { $rank }st
        [two] { $rank }nd
        [few] { $rank }rd
       *[other] { $rank }th
    }
  } place… { $name }
reveal-place = { $rank }.
reveal-parted = level with the place above, placed by { $by }
reveal-audience-vote = the audience vote
reveal-digest = Digest { $digest }
reveal-next = Next place
reveal-back = Back
reveal-not-published = This round is not published yet. Publish it, then reload.

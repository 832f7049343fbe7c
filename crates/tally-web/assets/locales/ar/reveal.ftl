# كشف نتائج جولة منشورة على الشاشة الكبيرة (reveal.js).
reveal-page-title = النتائج · Tally
reveal-title = النتائج
reveal-the-results = النتائج
reveal-announce = وفي المركز { $rank ->
    [1] الأول
    [2] الثاني
    [3] الثالث
    [4] الرابع
    [5] الخامس
    [6] السادس
    [7] السابع
    [8] الثامن
    [9] التاسع
    [10] العاشر
   *[other] رقم { $rank }
  }… { $name }
reveal-place = { $rank }.
reveal-parted = متعادل مع المركز الذي فوقه، وحسمه { $by }
reveal-audience-vote = تصويت الجمهور
reveal-digest = البصمة { $digest }
reveal-next = المركز التالي
reveal-back = رجوع
reveal-not-published = لم تُنشر هذه الجولة بعد. انشرها ثم أعد تحميل الصفحة.

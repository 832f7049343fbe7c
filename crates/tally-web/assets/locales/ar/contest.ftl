# صفحات منظّم المسابقة (contest.js و contest-edit.js).
contest-page-title = مسابقة بلجنة تحكيم · Tally
contest-new-page-title = مسابقة جديدة بلجنة تحكيم · Tally
contest-title = المسابقة
contest-new-title = مسابقة جديدة بلجنة تحكيم
contest-method-weighted_mean = المتوسط المرجّح
contest-method-trimmed_mean = المتوسط المشذّب
contest-method-z_score = الدرجات المعيارية لكل حكم
contest-method-trimmed_mean-long = المتوسط المشذّب (تُستبعد الدرجة الأعلى والأدنى)
contest-method-z_score-long = الدرجات المعيارية لكل حكم (توازن بين الحكّام المتشددين والمتساهلين)
contest-field-title = العنوان
contest-field-method = الطريقة
contest-field-trim = المتوسط المشذّب: يُشذَّب حين يقيّم هذا العدد من الحكّام على الأقل
contest-field-criteria = المعايير، معيار في كل سطر: الاسم | الوزن | الأدنى | الأعلى | الخطوة | الوصف
contest-field-contestants = المتسابقون، متسابق في كل سطر
contest-field-rounds = الجولات، جولة في كل سطر
contest-field-tie = معيار كسر التعادل (اختياري)
contest-example-criteria = الصوت | 2 | 1 | 10 | 0.5 | الطبقة والنبرة والانسجام
    الأداء | 1 | 1 | 10 | 1 | الحضور على المسرح
contest-example-round = النهائي
contest-create = إنشاء المسابقة
contest-failed = { $action }: { $reason }
contest-not-saved = لم يُحفظ: { $reason }
contest-saved = حُفظ. كل تغيير مسجّل في سجل التدقيق.
contest-export = التصدير

contest-summary = الطريقة: { $method } · المعايير: { $criteria }
contest-criterion-summary = { $name } ×{ $weight } ({ $min }–{ $max }، الخطوة { $step })
contest-people = الحكّام والمساعدون
contest-invite = دعوة
contest-new-link = رابط خاص لـ { $name } (يظهر مرة واحدة؛ أرسله إليه وحده)
contest-role = الدور
contest-role-judge = حكم
contest-role-cohost = مقدّم مشارك
contest-role-moderator = مشرف
contest-name = الاسم
# A judge's or helper's name, then their role.
contest-link-line = { $name } · { $role }
contest-revoked = مُلغى
contest-revoke = إلغاء رابط { $name }
contest-revoke-confirm = إلغاء رابط { $name }؟ سيتوقف عن العمل فورًا.
contest-tie-heading = العرض التقديمي للفعالية
contest-tie-why = عند ربط المسابقة بعرض تقديمي، يستطيع المقدّمون المشاركون إدارته ويستطيع المشرفون الإشراف على نصوص الجمهور فيه، كلٌّ من رابطه الخاص.
contest-tied-to = مرتبطة بـ «{ $title }».
contest-open-console = فتح لوحة تحكمه
contest-untie = فكّ الربط
contest-tie = ربط
contest-presentation = العرض التقديمي
contest-no-presentation = لا يحمل هذا المتصفح أي عرض تقديمي. أنشئ هنا أولًا العرض التقديمي للفعالية ثم اربطه.
contest-nothing-to-moderate = المسابقة غير مرتبطة بعرض تقديمي بعد، فلا يوجد ما يُشرف عليه. اسأل المنظّم.
contest-moderate = الإشراف على العرض التقديمي
contest-run = إدارة العرض التقديمي

contest-conflicts = تضارب المصالح
contest-conflicts-why = لا يرى الحكم المتسابقين المستبعد منهم ولا يقيّمهم.
contest-judge = الحكم
contest-excluded-from = مستبعد من
contest-save-conflicts = حفظ حالات التضارب

contest-round = الجولة
contest-round-draft = مسودة
contest-round-open = مفتوحة
contest-round-closed = مغلقة
contest-round-published = منشورة
contest-open = فتح التقييم
contest-close = إغلاق
contest-publish = نشر
contest-publish-confirm = نشر هذه الجولة؟ تُجمَّد نتائجها ويستطيع الجميع قراءتها.
contest-lineup = المتسابقون في هذه الجولة
contest-lineup-draft = المتسابقون في هذه الجولة (تُثبَّت عند فتحها)
contest-lineup-count = المتسابقون في هذه الجولة: { $count }
contest-save-lineup = حفظ التشكيلة
contest-progress = التقدّم
contest-submitted-count = سلّم { $submitted } من { $total ->
    [zero] { $total } حكم
    [one] حكم واحد
    [two] حكمين
    [few] { $total } حكّام
    [many] { $total } حكمًا
   *[other] { $total } حكم
  }
contest-sheet = الورقة
contest-sheet-draft = مسودة
contest-sheet-submitted = مُسلَّمة
contest-marks = الدرجات
contest-marks-of = { $scored } من { $expected }
contest-missing = الناقص
contest-actions = الإجراءات
contest-reopen = إعادة فتح ورقة { $name }
contest-reopen-confirm = إعادة فتح ورقة { $name }؟ لن تُحتسب حتى يسلّمها من جديد.

contest-results = النتائج (الخام بجانب المعدّلة)
contest-rank = المركز
contest-contestant = المتسابق
contest-raw = خام
contest-adjusted = معدّلة
contest-judges = الحكّام
contest-rank-plain = { $rank }
contest-rank-parted = { $rank } (كسر التعادل: { $by })
contest-audience-vote = تصويت الجمهور
contest-published-digest = نُشرت. البصمة (SHA-256 لكل الدرجات المُسلَّمة): { $digest }
contest-private = خاصة حتى النشر · { $sheets ->
    [zero] لم تُحتسب أي ورقة مُسلَّمة
    [one] احتُسبت ورقة مُسلَّمة واحدة
    [two] احتُسبت ورقتان مُسلَّمتان
    [few] احتُسبت { $sheets } أوراق مُسلَّمة
    [many] احتُسبت { $sheets } ورقة مُسلَّمة
   *[other] احتُسبت { $sheets } ورقة مُسلَّمة
  }
contest-reveal = الكشف على الشاشة الكبيرة
contest-export-csv = تصدير CSV
contest-export-json = تصدير JSON

contest-feedback = ملاحظات إلى المتسابقين
contest-feedback-why = يعرض الرابط الخاص على المتسابق تعليقات الحكّام عليه من الأوراق المُسلَّمة، دون أسماء الحكّام. إنشاء رابط جديد يوقف الرابط القديم.
contest-feedback-link = رابط الملاحظات لـ { $name }
contest-new-feedback-link = رابط ملاحظات خاص لـ { $name } (يظهر مرة واحدة؛ أرسله إليه وحده)

edit-summary = تعديل المسابقة
edit-title = العنوان
edit-criteria = المعايير
edit-contestants = المتسابقون
edit-rounds = الجولات
edit-criterion = المعيار
edit-weight = الوزن
edit-min = الأدنى
edit-max = الأعلى
edit-step = الخطوة
edit-description = الوصف
edit-round = الجولة
edit-contestant = المتسابق
edit-remove = حذف
edit-remove-criterion = حذف هذا المعيار
edit-remove-contestant = حذف هذا المتسابق
edit-remove-round = حذف هذه الجولة
edit-add-criterion = + إضافة معيار
edit-add-contestant = + إضافة متسابق
edit-add-round = + إضافة جولة
edit-rule = قبل أول درجة يمكن تغيير كل شيء. بعدها يمكن تغيير الأسماء والأوصاف فقط؛ ويُرفض أي وزن أو نطاق أو حذف يغيّر معنى الدرجات المحفوظة.
edit-save = حفظ التغييرات

# tarjuman — رسائل الواجهة باللغة العربية.

## بادئات التشخيص

error-prefix = خطأ
warning-prefix = تحذير

## الأخطاء

error-io = تعذّرت قراءة الملف { $path } أو الكتابة فيه: { $detail }
error-input-at = { $path }:{ $line }:{ $column }: { $reason }
error-input = { $path }: { $reason }
error-store = فشل مخزن الذاكرة { $path }: { $detail }
error-store-too-new = إصدار مخطط مخزن الذاكرة { $path } هو { $found }، وهذا الإصدار من tarjuman يفهم حتى { $supported }. حدِّث tarjuman.
error-not-a-store = { $path } ليس مخزن ذاكرة tarjuman
error-lang-tag = { $reason }
error-no-input = لم تُحدَّد ملفات إدخال
warning-unknown-ui-lang = لغة الواجهة «{ $lang }» غير متوفرة؛ ستُستخدم الإنجليزية

## سبب رفض ملف الإدخال

reason-empty = الملف فارغ
reason-invalid-utf8 = الملف ليس نصًا صالحًا بترميز UTF-8
reason-not-utf8 = الملف ليس بترميز UTF-8؛ لا يمكن ملء الملفات في مكانها إلا إذا كانت UTF-8
reason-utf16-without-bom = يبدو الملف بترميز UTF-16 لكنه بلا علامة ترتيب البايتات (BOM)
reason-unknown-encoding = ترميز المحارف «{ $encoding }» غير مدعوم
reason-binary = هذا ليس ملف ذاكرة ترجمة (يحتوي على بيانات ثنائية)
reason-unknown-format = تعذّر تحديد صيغة هذا الملف؛ حدِّدها باستخدام --format
reason-xml = ملف XML غير سليم: { $detail }
reason-xml-mismatched-end-tag = ملف XML غير سليم: وُجد </{ $found }> حيث ينبغي أن يُغلق </{ $expected }> العنصر المفتوح
reason-xml-unmatched-end-tag = ملف XML غير سليم: الوسم </{ $found }> لا يُغلق أي عنصر مفتوح
reason-truncated = ينتهي الملف قبل اكتمال المستند
reason-undefined-entity = كيان غير معرَّف: «&{ $entity };»
reason-entity-declaration = يعرّف DOCTYPE كيانات، ولا تُوسَّع أبدًا
reason-wrong-root = كان المتوقع مستند <{ $expected }>، لكن وُجد <{ $found }>
reason-missing-attribute = العنصر <{ $element }> بلا السمة { $attribute }
reason-invalid-xml-char = المحرف { $char } غير مسموح به في XML
reason-malformed-lang = وسم لغة غير صحيح: «{ $tag }»
reason-unknown-lang = لغة مجهولة في الوسم «{ $tag }»
reason-csv-quote = حقل بين علامتي اقتباس لم يُغلق
reason-csv-text-after-quote = يوجد نص بعد علامة الاقتباس التي تغلق الحقل
reason-csv-width = في الصف { $found } حقول، وفي الترويسة { $expected }
reason-csv-no-language = لا تحدد الترويسة أي عمود لغة
reason-csv-duplicate-column = العمود «{ $column }» مكرر في الترويسة
reason-csv = خطأ CSV: { $detail }
reason-po = خطأ في صياغة PO: { $detail }
reason-po-no-language = لا يحدد ملف PO أي لغة؛ حدِّدها باستخدام --target-lang

## الاستيراد

progress-importing = جارٍ استيراد { $file }
progress-indexing-matches = جارٍ فهرسة الذاكرة للمطابقة التقريبية ({ $lang })…
progress-indexing-search = جارٍ فهرسة الذاكرة للبحث…
import-file = { $path }: { $units ->
    [zero] لا وحدات
    [one] وحدة واحدة
    [two] وحدتان
    [few] { $units } وحدات
    [many] { $units } وحدة
   *[other] { $units } وحدة
  }، الجديدة { $added }، والموجودة في الذاكرة من قبل { $duplicates }
import-single-language = عدد الوحدات ذات اللغة الواحدة: { $count } (احتُفظ بها)
import-empty-segments = عدد المقاطع الفارغة المحذوفة: { $count }
import-empty-units = عدد الوحدات الخالية من النص المتخطاة: { $count }
import-fuzzy = عدد المدخلات المبهمة (fuzzy) المتخطاة: { $count }
import-obsolete = عدد المدخلات المتقادمة المتخطاة: { $count }
import-other-skipped = عدد النسخ اللغوية المتخطاة لأن الصيغة لا تستوعبها: { $count }
import-total = في الذاكرة { $total ->
    [zero] لا وحدات
    [one] وحدة واحدة
    [two] وحدتان
    [few] { $total } وحدات
    [many] { $total } وحدة
   *[other] { $total } وحدة
  } (الجديدة { $added }).

## التصدير

export-done = كُتبت { $units ->
    [zero] لا وحدات
    [one] وحدة واحدة
    [two] وحدتان
    [few] { $units } وحدات
    [many] { $units } وحدة
   *[other] { $units } وحدة
  } في { $path }.

## الإحصاءات

stats-store = مخزن الذاكرة: { $path }
stats-missing = لا يوجد مخزن ذاكرة في { $path } بعد: يُنشأ عند أول استيراد.
stats-units = الوحدات: { $count }
stats-languages = الوحدات حسب اللغة:
stats-pairs = الوحدات حسب زوج اللغات:
stats-size = الحجم على القرص: { $size }

## سطر الأوامر: نصوص المساعدة والأخطاء

cli-about = ذاكرة ترجمة ومسرد وفحص للأسماء بين الإنجليزية والأذربيجانية والكازاخية والعربية
cli-usage-heading = الاستخدام:
cli-options-heading = الخيارات
cli-arguments-heading = المعاملات
cli-commands-heading = الأوامر
cli-values = القيم: { $values }
cli-default = الافتراضي: { $value }
cli-help = اعرض المساعدة
cli-version = اعرض الإصدار
cli-db = مخزن الذاكرة (ملف SQLite؛ أو TARJUMAN_DB)
cli-lang = لغة الواجهة: en أو az أو kk أو ar
cli-quiet = اعرض الأخطاء فقط؛ بلا أشرطة تقدّم
cli-color = متى تُستخدم الألوان
cmd-import = استورد ملفات TMX أو CSV/TSV أو XLIFF أو PO إلى الذاكرة (كلها أو لا شيء)
cmd-import-files = الملفات المراد استيرادها
cmd-import-format = صيغة الملفات (تُحدَّد افتراضيًا من الامتداد والمحتوى)
cmd-import-source-lang = اللغة المصدر للملفات التي لا تذكرها (PO: en)
cmd-import-target-lang = اللغة الهدف للملفات التي لا تذكرها
cmd-export = صدِّر الذاكرة بصيغة TMX 1.4b أو CSV أو TSV
cmd-export-output = الملف المراد كتابته، أو - للإخراج القياسي
cmd-export-format = الصيغة (افتراضيًا من امتداد ملف الإخراج، وإلا TMX)
cmd-export-langs = هذه اللغات فقط، مفصولة بفواصل
cmd-export-srclang = اللغة المصدر المكتوبة في ترويسة TMX
cmd-export-no-sanitize = اكتب خلايا CSV كما هي، دون تعطيل صيغ جداول البيانات
cmd-stats = عُدّ الوحدات في الذاكرة حسب اللغة وزوج اللغات
cmd-stats-format = صيغة الإخراج
cli-error-unknown-argument = معامل غير متوقع: «{ $arg }»
cli-error-unknown-command = أمر مجهول: «{ $command }»
cli-error-invalid-value = قيمة غير صالحة «{ $value }» للخيار { $arg }؛ القيم الممكنة: { $values }
cli-error-missing-argument = معامل مطلوب غير موجود: { $args }
cli-error-conflict = لا يمكن استخدام { $arg } مع { $other }
cli-error-other = سطر أوامر غير صالح
cli-error-hint = لمزيد من المعلومات، جرّب «tarjuman --help».

## المطابقة

match-query = الاستعلام: { $query }
match-none = لا توجد مطابقة عند الحد الأدنى للنسبة أو فوقه
match-hit = { $score } #{ $unit }  { $source }
cmd-match = ابحث في الذاكرة عن أفضل المطابقات التقريبية لنص
cmd-match-from = لغة النص المراد مطابقته
cmd-match-to = لغة الترجمات المعروضة
cmd-match-top = عدد المطابقات لكل استعلام
cmd-match-min = أدنى نسبة تُعرض، بالمئة
cmd-match-metric = ما تعدّه مسافة التحرير: المحارف أو الكلمات
cmd-match-format = صيغة الإخراج
cmd-match-queries = ملف استعلامات، استعلام في كل سطر (وإلا TEXT أو الإدخال القياسي)
cmd-match-text = النص المراد مطابقته
match-adjusted = (عُدِّلت الأرقام والوسوم لتطابق الاستعلام)
cmd-match-context-prev = المقطع السابق للاستعلام: المطابقة 100 % التي تلي المقطع نفسه في الذاكرة تصبح 101
cmd-match-context-next = المقطع التالي للاستعلام: المطابقة 100 % التي تسبق المقطع نفسه في الذاكرة تصبح 101
cmd-match-context = معرّف الاستعلام (x-context أو msgctxt أو resname): المطابقة 100 % ذات المعرّف نفسه تصبح 101
## المسرد

error-automaton = تعذّر تجميع المسارد: { $detail }
reason-glossary-missing-column = لا يحتوي المسرد على العمود «{ $column }»
reason-glossary-needs-languages = لا يذكر المسرد لغاته؛ حدّدها باستخدام ‎--source-lang و‎--target-lang
reason-glossary-entry-rejected = في المدخل الجديد مشكلات ({ $count })، فلم يُضَف
glossary-list-summary = { $count ->
    [zero] لا مداخل
    [one] مدخل واحد
    [two] مدخلان
    [few] { $count } مداخل
    [many] { $count } مدخلًا
   *[other] { $count } مدخل
  }
glossary-field-id = المعرّف
glossary-field-type = النوع
glossary-field-allowed = الصيغ المقبولة
glossary-field-variants = الصيغ البديلة
glossary-field-forbidden = الصيغ المحظورة
glossary-field-note = ملاحظة
glossary-field-glossary = المسرد
glossary-no-entry = لا يوجد مدخل بالمعرّف «{ $id }»
glossary-search-none = لا يوجد مدخل يُكتب مثل «{ $text }»
glossary-search-hit = { $id } ({ $type }): { $forms } — يطابق «{ $spelling }» ({ $score })
glossary-add-similar = «{ $spelling }» تشبه الصيغة «{ $match }» من المدخل { $other }؛ ألا تكون صيغة بديلة له؟
glossary-add-done = أُضيف { $id } إلى { $path }.
glossary-problem-line = { $path }:{ $line }: { $message }
glossary-validate-ok = { $path }: لا مشكلات ({ $entries ->
    [zero] لا مداخل
    [one] مدخل واحد
    [two] مدخلان
    [few] { $entries } مداخل
    [many] { $entries } مدخلًا
   *[other] { $entries } مدخل
  })
glossary-validate-problems = { $path }: { $count ->
    [zero] لا مشكلات
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $count } مشكلات
    [many] { $count } مشكلةً
   *[other] { $count } مشكلة
  }
glossary-import-done = كُتب { $entries ->
    [zero] لا مداخل
    [one] مدخل واحد
    [two] مدخلان
    [few] { $entries } مداخل
    [many] { $entries } مدخلًا
   *[other] { $entries } مدخل
  } في { $path }.
glossary-import-merged = { $path }: أُضيف { $added }، ودُمج { $merged }، وتعارض { $conflicts }
glossary-import-conflict = { $id }: يبقى { $column } «{ $kept }»؛ وفي الملف المستورد «{ $incoming }»
glossary-export-done = كُتب { $entries ->
    [zero] لا مداخل
    [one] مدخل واحد
    [two] مدخلان
    [few] { $entries } مداخل
    [many] { $entries } مدخلًا
   *[other] { $entries } مدخل
  } في { $path }.
glossary-find-mention = { $path }:{ $line }:{ $column }: { $found } ← { $entry } ({ $form })
glossary-form-canonical = الصيغة المعتمدة
glossary-form-allowed = صيغة مقبولة
glossary-form-variant = صيغة بديلة
glossary-form-forbidden = صيغة محظورة
glossary-problem-duplicate-id = [{ $id }] المعرّف مستخدم من قبل في السطر { $first }
glossary-problem-empty-id = ليس للمدخل معرّف
glossary-problem-duplicate-spelling = [{ $id }] «{ $spelling }» صيغة للمدخل { $other } أيضًا
glossary-problem-repeated-spelling = [{ $id }] «{ $spelling }» مذكورة مرتين في المدخل
glossary-problem-wrong-script = [{ $id }] في العمود { $column } «{ $text }»، وهي ليست بالخط { $script }
glossary-problem-mixed-script = [{ $id }] «{ $text }» في العمود { $column } تخلط بين خطين
glossary-problem-not-nfc = [{ $id }] العمود { $column } ليس بصيغة NFC في يونيكود
glossary-problem-whitespace = [{ $id }] مسافات زائدة في العمود { $column }
glossary-problem-empty-item = [{ $id }] عنصر فارغ في قائمة { $column }
glossary-problem-empty-entry = [{ $id }] ليس للمدخل صيغة في أي لغة
glossary-problem-unknown-type = [{ $id }] نوع غير معروف «{ $type }» (person أو institution أو title أو place أو term)
cli-glossaries = استخدم ملف المسرد هذا أيضًا (يمكن تكراره؛ الملفات اللاحقة تتقدّم)
cli-no-default-glossaries = لا تستخدم المسارد المرفقة مع tarjuman
cmd-glossary = المسارد: التصفّح والفحص والتحويل والعثور على أسمائها في النصوص
cmd-glossary-list = اعرض مداخل المسارد المستخدمة
cmd-glossary-list-kind = مداخل هذا النوع فقط
cmd-glossary-show = اعرض مدخلًا واحدًا بكل صيغه
cmd-glossary-show-id = معرّف المدخل
cmd-glossary-search = ابحث عن المداخل بأي صيغة وبأي خط
cmd-glossary-search-text = صيغة بأي خط
cmd-glossary-add = أضف مدخلًا مفحوصًا إلى ملف مسرد
cmd-glossary-add-file = ملف المسرد (يُنشأ إن لم يوجد)
cmd-glossary-add-id = معرّف المدخل الجديد
cmd-glossary-add-kind = ما يسمّيه المدخل
cmd-glossary-add-en = الصيغة الإنجليزية
cmd-glossary-add-az = الصيغة الأذربيجانية (بالخط اللاتيني)
cmd-glossary-add-kk = الصيغة الكازاخية (بالخط الكيريلي)
cmd-glossary-add-ar = الصيغة العربية
cmd-glossary-add-form = الصيغة في لغة أخرى، على شكل اللغة=النص (يمكن تكراره)
cmd-glossary-add-variants = الصيغ البديلة المعروفة، مفصولة بـ |
cmd-glossary-add-allowed = الصيغ البديلة المقبولة، مفصولة بـ |
cmd-glossary-add-forbidden = الصيغ المهجورة، مفصولة بـ |
cmd-glossary-add-note = ملاحظة للقرّاء
cmd-glossary-validate = افحص ملفات المسارد وأبلغ عن كل مشكلة مع سطرها (رمز الخروج 1 عند وجود مشكلات)
cmd-glossary-validate-files = ملفات المسارد المراد فحصها
cmd-glossary-import = حوّل قاعدة مصطلحات (TBX أو CSV/TSV أو OmegaT) إلى ملف مسرد
cmd-glossary-import-file = قاعدة المصطلحات المراد تحويلها
cmd-glossary-import-output = ملف المسرد المراد كتابته
cmd-glossary-import-append = ادمج في ملف المسرد الموجود وأبلغ عن التعارضات
cmd-glossary-import-source-lang = لغة العمود الأول في ملف بلا ترويسة (OmegaT)
cmd-glossary-import-target-lang = لغة العمود الثاني في ملف بلا ترويسة (OmegaT)
cmd-glossary-export = اكتب المسارد المستخدمة بصيغة CSV أو TSV أو TBX
cmd-glossary-export-output = الملف المراد كتابته، أو - للمخرج القياسي
cmd-glossary-export-format = الصيغة (افتراضيًا من امتداد ملف المخرج، وإلا CSV)
cmd-glossary-export-langs = هذه اللغات فقط، مفصولة بفواصل
cmd-glossary-export-pair = عمودان، المصدر والهدف، كما تستوردهما OmegaT وmemoQ وTrados
cmd-glossary-export-excel = علامة ترتيب البايتات UTF-8 ونهايات أسطر CRLF، لبرنامج Excel
cmd-glossary-export-no-sanitize = اكتب الخلايا كما هي، دون تحييد صيغ جداول البيانات
cmd-glossary-find = اعرض كل ذكر لمدخل من المسرد في ملفات نصية
cmd-glossary-find-files = الملفات النصية المراد البحث فيها
cmd-glossary-find-format = صيغة المخرج
cmd-glossary-extract = اعرض الأسماء والمصطلحات المرشّحة غير الموجودة في أي مسرد، بصيغة CSV للمسرد
cmd-glossary-extract-files = الملفات النصية المراد قراءتها (يحدّد ‎--lang العام لغتها)
## التقطيع والمحاذاة

reason-srx-bad-value = يجب أن تكون قيمة { $attribute }="{ $value }" إمّا yes أو no
reason-srx-unknown-rule = يشير <languagemap> إلى قاعدة اللغة “{ $name }” غير المعرَّفة في الملف
reason-srx-regex = لا يمكن استخدام النمط “{ $pattern }” ({ $detail })؛ تُتخطّى القاعدة
reason-project-file = ملف المشروع غير صالح: { $detail }
reason-project-unknown-rule = لا توجد قاعدة باسم «{ $rule }»؛ القواعد هي glossary-variant وforbidden-spelling وinconsistent-name وmixed-script وterm-missing وinvisible-char
reason-project-rule-setting = «{ $value }» ليست قيمة صالحة للقاعدة { $rule }: استعمل on أو off أو info أو warning أو error
reason-fix-one-file = يكتب --fix نص ملف واحد (في -o OUT أو في المخرج القياسي)؛ استعمل --in-place أو --diff لعدة ملفات
progress-aligning = جارٍ محاذاة { $source } مع { $target }
align-done = جمل المصدر: { $source }، وجمل الهدف: { $target }؛ عدد الأزواج: { $pairs }، والجمل التي لا مقابل لها: { $unmatched }؛ متوسط الثقة { $confidence }.
align-written = كُتبت الروابط في { $path }.
align-imported = عدد الوحدات الجديدة في الذاكرة: { $added } (من أصل { $pairs } من الأزواج).
cmd-segment = تقسيم مستند إلى جمل، أو تصدير قواعد التقطيع بصيغة SRX 2.0
cmd-segment-file = المستند المراد تقسيمه (نص عادي أو Markdown)
cmd-segment-lang = لغة المستند
cmd-segment-rules = قواعد SRX 2.0 تُستخدم بدلًا من القواعد المدمجة
cmd-segment-format = صيغة المخرجات
cmd-segment-markdown = قراءة المستند بصيغة Markdown (الافتراضي لملفات ‎.md و‎.markdown)
cmd-segment-export-srx = كتابة القواعد المستخدمة (المدمجة أو قواعد ‎--rules) بصيغة SRX 2.0 بدلًا من ذلك
cmd-segment-output = الملف المراد الكتابة فيه، أو - للمخرجات القياسية
cmd-align = محاذاة جمل مستند مع جمل ترجمته
cmd-align-source = المستند الأصلي
cmd-align-target = ترجمته
cmd-align-from = لغة الأصل
cmd-align-to = لغة الترجمة
cmd-align-output = كتابة الروابط في هذا الملف (‎.tmx أو ‎.tsv)، أو - للمخرجات القياسية
cmd-align-format = صيغة المخرجات (افتراضيًا حسب امتداد ملف المخرجات، وإلا TSV)
cmd-align-import = إضافة الأزواج المحاذاة إلى الذاكرة (في معاملة واحدة)
cmd-align-min-confidence = تخطّي الأزواج التي تقل ثقتها عن هذه القيمة (من 0 إلى 1)
cmd-align-rules = قواعد SRX 2.0 لتقسيم المستندين
cmd-names = الأسماء في المسودات (كل اسم بكتاباته وعدده ومواضعه)، أو ‎--pairs‎: هل الكتابتان للاسم نفسه
cmd-names-pairs = ملف CSV بأزواج مع ترويسة والأعمدة id وa وb: يكتب id,score (‏1 = الاسم نفسه؛ 0.5 فما فوق = متطابقان)
cmd-names-output = الملف المراد كتابته (افتراضيًا المخرج القياسي)
cmd-names-files = المسودات المراد سرد أسمائها مع كتاباتها وعددها ومواضعها
cmd-names-format = صيغة إخراج قائمة الأسماء
names-entry = { $name } (مدخل المسرد { $entry }): { $count ->
    [zero] لا ذِكر
    [one] ذِكر واحد
    [two] ذِكران
    [few] { $count } مرات
   *[other] { $count } مرة
  }، { $spellings ->
    [zero] لا كتابات
    [one] كتابة واحدة
    [two] كتابتان
    [few] { $spellings } كتابات
   *[other] { $spellings } كتابة
  }
names-unlisted = { $name }: { $count ->
    [zero] لا ذِكر
    [one] ذِكر واحد
    [two] ذِكران
    [few] { $count } مرات
   *[other] { $count } مرة
  }، { $spellings ->
    [zero] لا كتابات
    [one] كتابة واحدة
    [two] كتابتان
    [few] { $spellings } كتابات
   *[other] { $spellings } كتابة
  }
names-spelling = { $spelling } ×{ $count }: { $places }

## تقارير الفحص (csv وsarif وhtml)

rule-help-glossary-variant = اسم أو مصطلح من المسرد مكتوب بصيغة غير صيغته المعتمدة في لغة المستند
rule-help-forbidden-spelling = كتابة يمنعها المسرد
rule-help-inconsistent-name = اسم ليس في المسارد مكتوب بأكثر من صيغة
rule-help-mixed-script = كلمة تخلط بين نظامي كتابة أو تستعمل حروفًا مشابهة من نظام كتابة آخر
rule-help-term-missing = مصطلح من المسرد في النص المصدر تغيب ترجمته المعتمدة عن النص الهدف
rule-help-invisible-char = محرف صفري العرض أو محرف تحكم ثنائي الاتجاه أو واصلة ناعمة داخل اسم
report-title = تقرير فحص tarjuman
report-summary-heading = الملخص
report-document = المستند
report-language = اللغة
report-total = المجموع
report-document-findings = { $count ->
    [zero] لا ملاحظات.
    [one] ملاحظة واحدة.
    [two] ملاحظتان.
    [few] { $count } ملاحظات.
    [many] { $count } ملاحظة.
   *[other] { $count } ملاحظة.
  }
report-totals = { $documents ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $documents } مستندات
   *[other] { $documents } مستند
  }: { $errors ->
    [zero] لا أخطاء
    [one] خطأ واحد
    [two] خطآن
    [few] { $errors } أخطاء
   *[other] { $errors } خطأ
  }، { $warnings ->
    [zero] لا تحذيرات
    [one] تحذير واحد
    [two] تحذيران
    [few] { $warnings } تحذيرات
   *[other] { $warnings } تحذير
  }، { $infos } معلومة.

## check
reason-line-too-long = يوجد سطر أطول من { $limit } بايت
glossary-variant = «{ $found }» ليست الكتابة المعتمدة في المسرد لهذه اللغة (المدخل { $entry })
forbidden-spelling = «{ $found }» كتابة محظورة (المدخل { $entry })
inconsistent-name = «{ $found }» مكتوب بشكل مختلف في موضع آخر من النص: «{ $suggestion }»
mixed-script = «{ $found }» يخلط حروفًا من أنظمة كتابة مختلفة
term-missing = الترجمة لا تتضمن مصطلح المسرد «{ $suggestion }» (المدخل { $entry })
invisible-char = «{ $found }» يحتوي على محرف غير مرئي
check-severity-info = ملاحظة
check-severity-warning = تحذير
check-severity-error = خطأ
check-finding = { $path }:{ $line }:{ $column }: { $severity }[{ $rule }] { $message }
check-suggestion = الاقتراح: { $suggestion }
check-summary = الملفات المفحوصة: { $files }؛ الأخطاء: { $errors }، التحذيرات: { $warnings }، الملاحظات: { $infos }
check-skipped = تم التخطي: { $reason }
cmd-check = افحص المسودات بحثًا عن كتابات مخالفة للمسرد وأسماء غير متسقة وأنظمة كتابة مختلطة ومصطلحات ناقصة
cmd-check-files = المسودات المراد فحصها: نص، Markdown، XLIFF، PO، TMX، CSV/TSV
cmd-check-doc-lang = لغة المسودات (افتراضيًا تُكتشف تلقائيًا أو يحددها الملف)
cmd-check-source = النص المصدر لمسودة نصية (يُحاذى جملةً بجملة، من أجل term-missing)
cmd-check-across = قارن الأسماء عبر كل الملفات، لا داخل كل ملف فقط
cmd-check-prefer = أي كتابة للاسم غير المتسق هي المرجع
cmd-check-format = صيغة المخرج
cmd-check-output = الملف المراد كتابته (افتراضيًا المخرج القياسي)؛ ومع --fix النص المصحَّح
cmd-check-fail-on = اخرج بالرمز 1 عند وجود نتيجة بهذه الدرجة أو أعلى
cmd-check-keep-going = تخطَّ الملفات والمسارد غير المقروءة مع تحذير بدلًا من التوقف
cmd-check-fix = طبّق الاقتراحات القاطعة: في -o OUT أو بـ--in-place أو على هيئة --diff
cmd-check-in-place = مع --fix: أعد كتابة كل ملف واحتفظ بالأصل باسم FILE.orig
cmd-check-diff = مع --fix: اعرض التصحيحات على هيئة فرق موحّد (unified diff) بدل كتابتها
check-fix-done = { $path }: { $applied ->
    [zero] لم يُصحَّح شيء
    [one] طُبّق تصحيح واحد
    [two] طُبّق تصحيحان
    [few] طُبّقت { $applied } تصحيحات
   *[other] طُبّق { $applied } تصحيحًا
  }{ $skipped ->
    [zero] .
    [one] ؛ وبقي اقتراح واحد على حاله (غير قاطع).
    [two] ؛ وبقي اقتراحان على حالهما (غير قاطعين).
    [few] ؛ وبقيت { $skipped } اقتراحات على حالها (غير قاطعة).
   *[other] ؛ وبقي { $skipped } اقتراحًا على حاله (غير قاطع).
  }


## search

error-empty-pattern = نمط البحث فارغ
warning-lang-not-in-store = لا تحتوي الذاكرة على نص باللغة { $lang }؛ لغاتها: { $known }
search-none = لم يُعثر على «{ $pattern }» في الذاكرة.
search-hit = #{ $unit } { $lang }: { $text }
search-limit = (أول { $limit } نتيجة؛ استخدم --limit لعرض المزيد)
cmd-search = بحث سياقي: أين يرد جزء من النص في الذاكرة، مع ترجماته
cmd-search-pattern = النص المراد البحث عنه
cmd-search-lang = في هذه اللغة فقط
cmd-search-ignore-case = تجاهل حالة الأحرف (I المنقوطة وغير المنقوطة بحسب لغة كل نص)
cmd-search-ignore-diacritics = تجاهل التشكيل العربي: الحركات والتطويل والهمزة والمدة على الألف
cmd-search-limit = أقصى عدد من النتائج المعروضة
cmd-search-format = صيغة الإخراج

## analyze

analyze-file = { $path }
analyze-total = كل الملفات
analyze-total-row = المجموع
analyze-repetitions = التكرارات
analyze-no-match = بلا مطابقة
analyze-segments = المقاطع
analyze-words = الكلمات
analyze-characters = المحارف
cmd-analyze = عدّ مقاطع المستند وكلماته ومحارفه بحسب درجة مطابقة الذاكرة لها
cmd-analyze-files = المستندات: نص عادي أو Markdown أو XLIFF أو PO أو TMX
cmd-analyze-from = لغة المستندات
cmd-analyze-to = احتسب فقط وحدات الذاكرة التي لها ترجمة بهذه اللغة
cmd-analyze-format = صيغة الإخراج

## pretranslate

pretranslate-done = { $path }: عدد المقاطع { $segments }، مُلئ منها { $exact } بمطابقات 100 % و{ $fuzzy } بمطابقات تقريبية
pretranslate-codes = تُركت للمترجم مقاطع فيها عناصر مضمّنة من فضاء أسماء آخر، عددها { $count }
pretranslate-codes-appended = وُضعت الرموز المضمّنة لمقاطع عددها { $count } بعد النص بترتيب المصدر (لم تتطابق رموز الذاكرة معها): انقلها إلى مواضعها
cmd-pretranslate = املأ ترجمات مستند من الذاكرة: يبقى XLIFF بصيغة XLIFF وPO بصيغة PO، ويصبح النص XLIFF 2.0
cmd-pretranslate-file = المستند: XLIFF 1.2 أو 2.0 أو PO أو نص عادي أو Markdown
cmd-pretranslate-from = لغة النص المصدر
cmd-pretranslate-to = لغة الترجمات
cmd-pretranslate-min = أدنى نسبة تُستخدم، بالمئة
cmd-pretranslate-output = الملف المراد كتابته (XLIFF لملفات XLIFF والنص العادي وMarkdown، وPO لملفات PO)، أو - للمخرج القياسي

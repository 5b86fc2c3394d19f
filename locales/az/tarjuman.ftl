# tarjuman — Azərbaycan dilində interfeys mesajları.

## Diaqnostika prefiksləri

error-prefix = xəta
warning-prefix = xəbərdarlıq

## Xətalar

error-io = { $path } faylını oxumaq və ya yazmaq mümkün deyil: { $detail }
error-input-at = { $path }:{ $line }:{ $column }: { $reason }
error-input = { $path }: { $reason }
error-store = { $path } yaddaş bazasında xəta: { $detail }
error-store-too-new = { $path } yaddaş bazasının sxem versiyası { $found }-dir; bu tarjuman ən çoxu { $supported } versiyasını anlayır. tarjuman-ı yeniləyin.
error-not-a-store = { $path } tarjuman yaddaş bazası deyil
error-lang-tag = { $reason }
error-no-input = giriş faylı verilməyib
warning-unknown-ui-lang = “{ $lang }” interfeys dili mövcud deyil; ingilis dili işlədilir

## Giriş faylının rədd edilmə səbəbi

reason-empty = fayl boşdur
reason-invalid-utf8 = fayl düzgün UTF-8 mətni deyil
reason-utf16-without-bom = fayl UTF-16-ya bənzəyir, amma bayt sırası nişanı (BOM) yoxdur
reason-unknown-encoding = dəstəklənməyən simvol kodlaşdırması: “{ $encoding }”
reason-binary = bu, tərcümə yaddaşı faylı deyil (ikili məlumat var)
reason-unknown-format = faylın formatını müəyyən etmək mümkün olmadı; onu --format ilə göstərin
reason-xml = səhv XML: { $detail }
reason-truncated = fayl sənəd tamamlanmamış bitir
reason-undefined-entity = müəyyən edilməmiş obyekt: “&{ $entity };”
reason-entity-declaration = DOCTYPE obyektlər elan edir; onlar heç vaxt açılmır
reason-wrong-root = <{ $expected }> sənədi gözlənilirdi, <{ $found }> tapıldı
reason-missing-attribute = <{ $element }> elementində { $attribute } atributu yoxdur
reason-invalid-xml-char = { $char } simvoluna XML-də icazə verilmir
reason-malformed-lang = səhv dil teqi: “{ $tag }”
reason-unknown-lang = “{ $tag }” teqində naməlum dil
reason-csv-quote = dırnaq içindəki sahə bağlanmayıb
reason-csv-width = sətirdə { $found } sahə var, başlıqda isə { $expected }
reason-csv-no-language = başlıqda dil sütunu yoxdur
reason-csv-duplicate-column = “{ $column }” sütunu başlıqda iki dəfə var
reason-csv = CSV xətası: { $detail }
reason-po = PO sintaksis xətası: { $detail }
reason-po-no-language = PO faylında dil göstərilməyib; onu --target-lang ilə verin

## İdxal

progress-importing = İdxal edilir: { $file }
import-file = { $path }: { $units } vahid, { $added } yeni, { $duplicates } artıq yaddaşda idi
import-single-language = { $count } vahiddə yalnız bir dil var (saxlanıldı)
import-empty-segments = { $count } boş seqment atıldı
import-empty-units = mətnsiz { $count } vahid buraxıldı
import-fuzzy = { $count } qeyri-dəqiq (fuzzy) qeyd buraxıldı
import-obsolete = { $count } köhnəlmiş qeyd buraxıldı
import-other-skipped = formatın saxlaya bilmədiyi { $count } variant buraxıldı
import-total = Yaddaşda { $total } vahid var ({ $added } yeni).

## İxrac

export-done = { $units } vahid { $path } faylına yazıldı.

## Statistika

stats-store = Yaddaş bazası: { $path }
stats-missing = { $path } ünvanında hələ yaddaş bazası yoxdur: o, ilk idxalda yaradılır.
stats-units = Vahidlər: { $count }
stats-languages = Dillər üzrə vahidlər:
stats-pairs = Dil cütləri üzrə vahidlər:
stats-size = Diskdə həcmi: { $size }

"""Türkçe"""

CATEGORIES = {
    "beratung": "KIM'de danışmanlık",
    "aufenthalt": "Oturum ve fırsat oturum hakkı (Chancen-Aufenthaltsrecht)",
}

PAGES = {
    "start": (
        "Oberhausen'de Belediye Entegrasyon Yönetimi",
        "KIM Oberhausen, göç geçmişi olan insanlara kişisel, ücretsiz ve tüm dairelerle bağlantılı danışmanlık ve refakat sunar.",
        """Oberhausen'e göç ettiniz ve işiniz için hangi dairenin yetkili olduğunu bilmiyor musunuz? Oturum, iş, konut, okul veya sağlık – çoğu zaman biri diğerine bağlıdır. Belediye Entegrasyon Yönetimi (KIM) her şeyi gözden kaçırmamanıza yardımcı olur.

Vaka yöneticilerimiz (Case Manager) size kişisel olarak danışmanlık yapar, uzun süre yanınızda olur ve sizi yetkili kurumlara yönlendirir. Danışmanlık gönüllüdür ve ücretsizdir.""",
    ),
    "was-ist-kim": (
        "KIM nedir?",
        "Belediye Entegrasyon Yönetimi, Kuzey Ren-Vestfalya eyaletinin bir programıdır: göç geçmişi olan insanlara tek elden yardım.",
        """Belediye Entegrasyon Yönetimi – kısaca KIM – Kuzey Ren-Vestfalya eyaletinin bir programıdır. KIM eyaletteki tüm ilçelerde ve ilçeye bağlı olmayan şehirlerde, dolayısıyla Oberhausen'de de vardır. Eyalet, programı Katılım ve Entegrasyon Yasası temelinde finanse eder.

KIM'in iki amacı vardır:
- Göç geçmişi olan insanlar, birden fazla daire ve hukuk alanı söz konusu olsa bile tek elden yardım alır.
- Daireler, resmi makamlar ve danışma merkezleri daha iyi iş birliği yapar. Danışmanlık sırasında görünür hâle gelen engelleri koordinasyon ekibi ele alır ve ortaklarla birlikte çözüm arar.

Oberhausen'de KIM'den Belediye Entegrasyon Merkezi sorumludur. Merkez, sosyal yardım kuruluşları ve şehirdeki birçok başka kurumla yakın iş birliği içinde çalışır. Daha fazlası için: [KIM'i kimler yürütüyor](page:traeger).""",
    ),
    "bausteine": (
        "KIM ne yapar: üç yapı taşı",
        "Koordinasyon, tüm hukuk alanlarını kapsayan vaka yönetimi ve yabancılar ile vatandaşlık dairelerine destek.",
        """KIM, birbirini tamamlayan üç yapı taşından oluşur.

## 1. Koordinasyon ve yönlendirme
Belediye Entegrasyon Merkezi'ndeki KIM koordinasyon ekibi tüm ipleri bir arada tutar. Katılan kurumların iş birliğini düzenler, yönlendirme grubunun ve çalışma ve proje gruplarının toplantılarını hazırlar ve birçok danışmanlıkta ortaya çıkan sorunların, çözülebilecekleri yerde konuşulmasını sağlar.

## 2. Tüm hukuk alanlarını kapsayan vaka yönetimi
Vaka yöneticileri insanlara kişisel, kapsamlı ve uzun süreli danışmanlık ve refakat sunar. Neye ihtiyaç olduğunu birlikte belirler, bir plan yapar ve yetkili kurumlara yönlendirir – örneğin Yabancılar Dairesi'ne, Jobcenter'a, Sosyal İşler veya Sağlık Dairesi'ne, okullara, kreşlere veya danışma merkezlerine. Gerekirse randevulara da eşlik ederler.

## 3. Yabancılar Dairesi ve Vatandaşlık Dairesi'ne destek
Yabancılar Dairesi ve Vatandaşlık Dairesi'ndeki ek personel, güvenli bir oturum hakkına veya vatandaşlığa geçme imkânına sahip olan insanlarla ilgilenir. Vaka yönetimiyle yakın iş birliği içinde çalışırlar.""",
    ),
    "traeger": (
        "KIM'i kimler yürütüyor",
        "Oberhausen Belediye Entegrasyon Merkezi; Caritas, DRK, Diakonie, ZAQ ve pro wohnen international ile birlikte.",
        """KIM Oberhausen ortak bir görevdir. Sorumlu kurum, Oberhausen Belediyesi'nin **Belediye Entegrasyon Merkezi**'dir. Programı yöneten koordinasyon ekibi burada çalışır.

Vaka yönetimini belediyenin ve sosyal yardım kuruluşlarının uzmanları üstlenir:
- Caritasverband Oberhausen
- Alman Kızılhaçı (DRK), Oberhausen şubesi
- Diakoniewerk Oberhausen
- Oberhausen Eğitim ve Mesleki Yeterlilik Merkezi (ZAQ)
- pro wohnen international

Birçok başka kurum da KIM'in ortağıdır; örneğin Jobcenter, İş Ajansı, Halk Eğitim Merkezi (VHS), Yabancılar ve Vatandaşlık Daireleri ile belediyenin çocuk, gençlik ve aile, sosyal işler, okul ve sağlık birimleri. Nasıl iş birliği yaptıkları [iş birliği anlaşmasında](page:kooperation) yazılıdır.""",
    ),
    "zielgruppe": (
        "KIM kimlere yardım eder",
        "KIM; geç kalmış entegrasyonda, aynı anda birçok sorunla karşılaşan ailelerde ve bakım durumlarında yardımcı olur.",
        """KIM, Oberhausen'de yaşayan, hayatının birçok alanında desteğe ihtiyaç duyan ve henüz başka bir kurum tarafından kapsamlı olarak desteklenmeyen göç geçmişi olan insanlar içindir. Özellikle üç durumda yardımcı oluyoruz:

## Entegrasyonu telafi etmek
Bir süredir Almanya'da yaşıyorsunuz ama başlangıç iyi gitmedi mi? Belki bir dil kursu, tanınmış bir diploma, bir iş veya güvenli bir oturum hakkı eksik. Şimdi hangi adımların mümkün olduğuna birlikte bakarız – oturum iznine veya vatandaşlığa giden yol da dahil.

## Aynı anda birçok sorunla karşılaşan aileler
Okul ve kreş, konut, para, sağlık ve resmi daireler: Bir ailede aynı anda birçok şey zorlaştığında, sizinle birlikte genel durumu takip eder ve yetkili kurumları bir masada buluştururuz.

## Bakım ve yaşlılık
Bir aile üyeniz bakıma mı ihtiyaç duyuyor ya da yaşlanıyorsunuz ve günlük hayatta yardıma mı ihtiyacınız var? Bakım hizmetlerini açıklar, başvurularda yardım eder ve dilinizi ve kültürünüzü dikkate alan hizmetlere yönlendiririz.

Danışmanlık gönüllü ve ücretsizdir. Bize anlattıklarınız gizli kalır.""",
    ),
    "zustaendigkeiten": (
        "İrtibat kişileri ve sorumluluklar",
        "Oberhausen'in altı sosyal bölgesinin her biri için belirli vaka yöneticileri sorumludur.",
        """Oberhausen, KIM için altı sosyal bölgeye ayrılmıştır. Her bölgeden belirli vaka yöneticileri sorumludur.

[Sokağınıza göre irtibat kişinizi bulun](directory)

Nereden başlayacağınızı bilmiyor musunuz? O zaman Belediye Entegrasyon Merkezi'ndeki merkezi başvuru noktasına başvurun: [Bize ulaşın](contact)""",
    ),
    "kooperation": (
        "İş birliği anlaşması",
        "2023 yılında Oberhausen'deki KIM ortakları tüm kurumları kapsayan bir iş birliği anlaşması imzaladı.",
        """3 Mayıs 2023'te KIM Oberhausen ortakları, yönlendirme kurulu toplantısında tüm kurumları kapsayan ortak bir iş birliği anlaşması imzaladı.

Anlaşmada şunları belirlediler:
- birlikte hangi hedefleri izlediklerini,
- vaka ve planlama konferanslarını birlikte toplayıp yürüttüklerini,
- çalışmalarını birbirleriyle nasıl uyumlu hâle getirdiklerini.

Anlaşma, tek tek kurumlarla yapılan mutabakatlarla tamamlanır. İmzacılar arasında Jobcenter, İş Ajansı, Halk Eğitim Merkezi, belediyenin yabancılar ve vatandaşlık işleri, çocuk, gençlik ve aile, sosyal işler, okul ve sağlık birimleri, ekonomik kalkınma ajansı ile Caritas, DRK, Diakoniewerk, pro wohnen international ile birlikte Paritätische ve ZAQ bulunuyor.

Anlaşmayı [İndirilenler](downloads) bölümünden indirebilirsiniz.""",
    ),
    "flyer": (
        "KIM – Göç geçmişi olan insanlar için danışmanlık ve refakat",
        "KIM broşürü: KIM sizin için ne yapar ve bize nasıl ulaşırsınız.",
        """Oberhausen'de yaşıyor ve desteğe mi ihtiyacınız var – oturum, iş, dil, konut, okul, sağlık veya bakım konusunda? Belediye Entegrasyon Yönetimi (KIM) size yardımcı olur.

## Sizin için neler yapıyoruz
- Sizi dinler ve neye ihtiyacınız olduğunu sizinle birlikte belirleriz.
- Sizinle bir plan yapar ve uzun süre de olsa yanınızda kalırız.
- Sizi yetkili dairelere ve danışma merkezlerine yönlendirir, gerekirse size eşlik ederiz.

## Bilmenizde fayda var
- Danışmanlık gönüllü ve ücretsizdir.
- Her şey gizli kalır. Onayınız olmadan hiçbir bilgiyi paylaşmayız.
- Birçok dilde danışmanlık yapar veya tercüman ayarlarız.

Semtinizdeki irtibat kişinizi internet sitemizde bulabilirsiniz.""",
    ),
}

FAQS = {
    "kosten": (
        "Danışmanlık ücretli mi?",
        "Hayır. KIM'deki danışmanlık ücretsiz ve gönüllüdür. Refakat isteyip istemediğinize ve ne kadar süreyle istediğinize siz karar verirsiniz.",
    ),
    "wer-kann-kommen": (
        "KIM'e kimler başvurabilir?",
        "Oberhausen'de yaşayan, hayatının birçok alanında desteğe ihtiyaç duyan ve henüz başka bir kurum tarafından kapsamlı olarak desteklenmeyen göç geçmişi olan insanlar. Konunuz için başka bir kurum daha uygunsa sizi oraya yönlendiririz.",
    ),
    "sprachen": (
        "Hangi dillerde danışmanlık alabilirim?",
        "Vaka yöneticilerimiz Almancanın yanı sıra Arapça, Türkçe, Kurmancî, Ukraynaca, Rusça, Bulgarca, Rumence, Farsça, İngilizce ve Fransızca gibi diller konuşur. Ekipte sizin dilinizi konuşan kimse yoksa tercüman ayarlarız.",
    ),
    "termin": (
        "Nasıl randevu alabilirim?",
        """Bize [iletişim formu](contact) üzerinden yazın veya merkezi başvuru noktasını arayın: 0208 825-0. [Semtinizdeki irtibat kişinizi](directory) doğrudan da arayabilirsiniz.

Mümkünse ilk randevuya kimliğinizi veya oturum belgenizi ve resmi dairelerden gelen önemli mektupları getirin.""",
    ),
    "daten": (
        "Verilerime ne olur?",
        "Bilgileriniz bizde gizli kalır. Yalnızca danışmanlık için gerekenleri kaydederiz. Başka kurumlara – örneğin Jobcenter'a veya Yabancılar Dairesi'ne – bilgiyi ancak önceden yazılı olarak onay vermişseniz iletiriz. Bu onayı istediğiniz zaman geri alabilirsiniz.",
    ),
    "chancen-beantragen": (
        "Fırsat oturum hakkına (Chancen-Aufenthaltsrecht) hâlâ başvurabilir miyim?",
        """Hayır. Oturum Yasası'nın 104c maddesine göre fırsat oturum hakkı süreliydi. 31 Aralık 2025'ten bu yana § 104c'ye göre yeni oturum izni verilmiyor.

Ancak hoşgörü belgesi (Duldung) olan kişilerin oturum hakkına giden başka yolları olabilir; örneğin § 25a (iyi entegre olmuş gençler) veya § 25b (kalıcı entegrasyon). Danışmanlık alın – imkânlarınıza sizinle birlikte bakalım.""",
    ),
    "chancen-inhaber": (
        "§ 104c'ye göre oturum iznim var. Şimdi benim için ne geçerli?",
        """Oturum izniniz süresi dolana kadar geçerli kalır. İzin 18 ay için verildi ve fırsat oturum hakkı olarak uzatılamaz. Devamı yalnızca § 25a veya § 25b'ye göre bir oturum izniyle mümkündür.

Önemli:
- § 25a veya § 25b başvurunuzu izniniz dolmadan **önce**, zamanında yapın.
- Başka bir oturum türüne başvurmak burada işe yaramaz: izniniz bu nedenle geçici olarak geçerli kalmaz.
- § 104c izni olanlar için özel kurallar, bugünkü duruma göre 30 Haziran 2027'ye kadar geçerlidir.

Koşulları yerine getiremeyen kişi yeniden hoşgörü statüsüne (Duldung) düşer. Bu yüzden danışmanlık için erkenden bize gelin.""",
    ),
    "paragraf-25b": (
        "§ 25b'ye göre oturum izni için neleri yerine getirmem gerekiyor?",
        """§ 25b kalıcı olarak entegre olmuş insanlar içindir. Kural olarak şunlar gerekir:
- en az 6 yıldır Almanya'da yaşıyor olmak (yanınızda reşit olmayan bir çocuk yaşıyorsa 4 yıl) – hoşgörü belgesiyle, sığınma süreci izniyle veya oturum izniyle,
- geçiminizi büyük ölçüde çalışarak sağlamak veya yakında sağlayacak olmak,
- sözlü olarak A2 seviyesinde Almanca konuşmak,
- özgür demokratik temel düzene bağlılık ve hukuk ve toplum düzeni hakkında temel bilgi (genellikle „Leben in Deutschland“ testi),
- okul çağındaki çocuklarınızın okula gittiğini kanıtlamak.

§ 104c izni olanlarda, kimliği belirsiz kişiler için verilen hoşgörü süreleri de sayılır. Kimliğiniz netleşmiş olmalı – ya da kimliğinizi netleştirmek için makul olan her şeyi yapmış olmalısınız. Sınır dışı edilmeniz kendi yanlış beyanlarınız veya aldatma yoluyla engellendiyse ya da ağır suçlar söz konusuysa izin kural olarak verilmez. Hastalık, engellilik veya yaşlılık durumunda istisnalar vardır.""",
    ),
    "paragraf-25a": (
        "§ 25a'ya göre oturum izni için neleri yerine getirmem gerekiyor?",
        """§ 25a iyi entegre olmuş gençler ve genç yetişkinler içindir. Kural olarak şunlar gerekir:
- başvuruyu 27. doğum gününüzden önce yapmak,
- en az 3 yıldır Almanya'da yaşıyor olmak – hoşgörü belgesiyle, sığınma süreci izniyle veya oturum izniyle,
- Almanya'da 3 yıl başarıyla okula gitmiş olmak veya burada bir okul ya da meslek diploması almış olmak,
- Almanya'daki hayata iyi uyum sağlayacağınızın beklenmesi.

Okul, meslek eğitimi veya üniversite sırasında sosyal yardım almanız engel değildir. Burada da kimliğiniz netleşmiş olmalı – ya da bunun için makul olan her şeyi yapmış olmalısınız. Kendi yanlış beyanlarıyla veya kimliği hakkında aldatmayla sınır dışı edilmesini engelleyen kişi bu izni alamaz.""",
    ),
    "wer-entscheidet": (
        "Oturum başvurum hakkında kim karar veriyor?",
        "Oturum izinleri hakkında Oberhausen Belediyesi Yabancılar Dairesi karar verir. KIM hukuki danışmanlık yapmaz. Ancak durumunuzu anlamanıza, belgeleri hazırlamanıza, dil kursu veya iş bulmanıza ve randevulara gitmenize yardımcı oluruz. Zor hukuki sorularda sizi bir hukuk veya mülteci danışma merkezine yönlendiririz.",
    ),
}

NEWS = {
    "kooperationsvereinbarung-unterzeichnet": (
        "KIM ortakları iş birliği anlaşması imzaladı",
        """Oberhausen, 3 Mayıs 2023. Oberhausen'deki Belediye Entegrasyon Yönetimi ortakları iş birliklerini ortak bir temele oturttu. KIM yönlendirme kurulunda daireler, resmi makamlar ve sosyal yardım kuruluşları tüm kurumları kapsayan bir iş birliği anlaşması imzaladı.

Ortaklar anlaşmada ortak hedeflere bağlı kalmayı taahhüt ediyor. Vaka ve planlama konferanslarını birlikte toplayıp yürütmek ve çalışmalarını, göç geçmişi olan insanlar uygun yardımı daha hızlı alacak şekilde uyumlu hâle getirmek istiyorlar. Bazı kurumlar anlaşmayı kendi mutabakatlarıyla tamamlıyor.

İmzacılar arasında Jobcenter, İş Ajansı, Halk Eğitim Merkezi, belediyenin birçok birimi, ekonomik kalkınma ajansı ile Caritas, DRK, Diakoniewerk, pro wohnen international ile birlikte Paritätische ve ZAQ bulunuyor.""",
    ),
    "chancen-aufenthaltsrecht-endet": (
        "Fırsat oturum hakkı yıl sonunda sona eriyor",
        """Oturum Yasası'nın 104c maddesine göre fırsat oturum hakkı sona eriyor: 31 Aralık 2025'ten itibaren yeni izin verilmeyecek.

§ 104c izni olan kişiler bu izni yalnızca § 25a veya § 25b'ye göre bir oturum izni olarak uzatabilir. Bunun için örneğin Almanca bilgisi, çalışma ve netleşmiş bir kimlik kanıtlanmalıdır. KIM vaka yönetimi, ilgili herkese erkenden danışmanlık almasını ve başvuruyu iznin bitiminden yeterince önce yapmasını tavsiye ediyor.

Sık sorulan soruların cevapları: [Sorular ve cevaplar](faq).""",
    ),
}

DOWNLOADS = {
    "kooperationsvereinbarung": (
        "İş birliği anlaşması KIM Oberhausen (2023)",
        "KIM ortaklarının 3 Mayıs 2023 tarihli, tüm kurumları kapsayan anlaşması (Almanca).",
    ),
}

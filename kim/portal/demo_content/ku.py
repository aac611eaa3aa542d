"""Kurmancî (flyer and category names)."""

CATEGORIES = {"beratung": "Şêwirdarî li KIM", "aufenthalt": "Mayîn û „mafê mayînê yê derfetê“"}

PAGES = {
    "flyer": (
        "KIM – Şêwirdarî û hevalbendî ji bo mirovên bi dîroka koçberiyê",
        "Belavoka KIM: KIM ji bo we çi dike û hûn çawa digihîjin me.",
        """Hûn li Oberhausenê dijîn û hewcedarê piştgiriyê ne – di derbarê mayînê, kar, ziman, xanî, dibistan, tenduristî an lênêrînê de? Rêveberiya Entegrasyonê ya Şaredariyê (KIM) alîkariya we dike.

## Em ji bo we çi dikin
- Em guh didin we û bi hev re diyar dikin ku hûn hewcedarê çi ne.
- Em bi we re planekê çêdikin û li kêleka we dimînin, ji bo demeke dirêj jî.
- Em we dişînin dezgeh û navendên şêwirdariyê yên berpirsiyar û heke pêwîst be em bi we re tên.

## Baş e ku hûn zanibin
- Şêwirdarî bi dilxwazî û belaş e.
- Her tişt veşartî dimîne. Em bêyî destûra we tiştekî nadin kesî.
- Em bi gelek zimanan şêwirdariyê didin an wergêrekî peyda dikin.

Kesê têkiliyê yê taxa xwe hûn ê li ser malpera me bibînin.""",
    ),
}

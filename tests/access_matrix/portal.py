"""Access rules of the public portal (everyone, also anonymous) and its back office (coordination only)."""

import datetime

from kim.accounts.models import Role
from tests.access_matrix import ALL_ROLES, Entry

EDITORS = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def build(world: dict) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kim.core.scoping import Actor
    from kim.portal import services
    from kim.portal.kinds import DOWNLOAD, FAQ_KIND, NEWS, PAGE

    member = world["members"][Role.COORDINATOR]
    actor = Actor(user=member.user, membership=member)

    def publish(item, language, title, body="Text."):
        services.save_translation(
            actor=actor, item=item, language=language, title=title, body=body, action="publish"
        )

    page = services.create_item(
        actor=actor, kind=PAGE, title="Was ist KIM?", settings={"slug": "was-ist-kim"}
    )
    publish(page, "de", "Was ist KIM?")
    publish(page, "en", "What is KIM?")
    flyer = services.create_item(
        actor=actor, kind=PAGE, title="Flyer", settings={"slug": "flyer", "in_navigation": False}
    )
    publish(flyer, "de", "KIM-Flyer", "Wir helfen.")
    category = services.save_faq_category(actor=actor, names={"de": "Beratung"}, slug="beratung")
    faq = services.create_item(
        actor=actor, kind=FAQ_KIND, title="Kostet es etwas?", settings={"category": category}
    )
    publish(faq, "de", "Kostet es etwas?", "Nein.")
    news = services.create_item(
        actor=actor,
        kind=NEWS,
        title="Meldung",
        settings={"slug": "meldung", "date": datetime.date(2025, 12, 15)},
    )
    publish(news, "de", "Meldung")
    download = services.create_item(
        actor=actor, kind=DOWNLOAD, title="Vereinbarung", settings={"slug": "vereinbarung"}
    )
    services.upload_download_file(
        actor=actor, download=download, uploaded_file=SimpleUploadedFile("v.pdf", PDF)
    )
    publish(download, "de", "Vereinbarung")
    world.update(portal_page=page, portal_news=news, portal_category=category, portal_download=download)


def _public(name, kwargs=lambda world: {}, ok=200):
    return Entry(name, ALL_ROLES, kwargs=lambda world: {"lang": "de", **kwargs(world)}, ok=ok, anonymous=ok)


def _page(world):
    return {"kind": "seiten", "pk": world["portal_page"].pk}


ENTRIES = [
    Entry("portal:sitemap", ALL_ROLES, anonymous=200),
    _public("portal:home"),
    _public("portal:page_list"),
    _public("portal:page", lambda w: {"slug": "was-ist-kim"}),
    _public("portal:faq"),
    _public("portal:news"),
    _public("portal:news_year", lambda w: {"year": 2025}),
    _public("portal:news_detail", lambda w: {"year": 2025, "slug": "meldung"}),
    _public("portal:downloads"),
    _public("portal:download_flyer"),
    _public("portal:download_file", lambda w: {"slug": "vereinbarung"}),
    Entry("portal_editor:overview", EDITORS),
    Entry("portal_editor:categories", EDITORS),
    Entry("portal_editor:category_edit", EDITORS, kwargs=lambda w: {"pk": w["portal_category"].pk}),
    Entry("portal_editor:create", EDITORS, kwargs=lambda w: {"kind": "meldungen"}),
    Entry("portal_editor:item", EDITORS, kwargs=_page),
    Entry("portal_editor:edit", EDITORS, kwargs=lambda w: {**_page(w), "lang": "en"}),
    Entry("portal_editor:preview", EDITORS, kwargs=lambda w: {**_page(w), "lang": "ar"}),
    Entry(
        "portal_editor:visibility",
        EDITORS,
        kwargs=_page,
        method="post",
        ok=302,
        data=lambda w: {"public": "1"},
    ),
    Entry(
        "portal_editor:move", EDITORS, kwargs=_page, method="post", ok=302, data=lambda w: {"direction": "up"}
    ),
    Entry(
        "portal_editor:upload",
        EDITORS,
        method="post",
        ok=302,
        kwargs=lambda w: {"kind": "downloads", "pk": w["portal_download"].pk},
    ),
    Entry(
        "portal_editor:withdraw", EDITORS, kwargs=lambda w: {**_page(w), "lang": "en"}, method="post", ok=302
    ),
]

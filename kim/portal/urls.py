"""Public portal URLs: ``/<lang>/…`` for every public language (stable slugs, the same in every language),
plus ``/sitemap.xml``. The staff back office is in editor_urls.py (``/verwaltung/portal/…``); the staff
directory and the contact form have their own modules (directory_urls.py, contact_urls.py)."""

from django.urls import path

from kim.portal import views

app_name = "portal"

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("<publang:lang>/", views.home, name="home"),
    path("<publang:lang>/kim/", views.page_list, name="page_list"),
    path("<publang:lang>/kim/<slug:slug>/", views.page, name="page"),
    path("<publang:lang>/fragen/", views.faq, name="faq"),
    path("<publang:lang>/aktuelles/", views.news, name="news"),
    path("<publang:lang>/aktuelles/<int:year>/", views.news_year, name="news_year"),
    path("<publang:lang>/aktuelles/<int:year>/<slug:slug>/", views.news_detail, name="news_detail"),
    path("<publang:lang>/downloads/", views.downloads, name="downloads"),
    path("<publang:lang>/downloads/flyer.pdf", views.download_flyer, name="download_flyer"),
    path("<publang:lang>/downloads/<slug:slug>/", views.download_file, name="download_file"),
]

"""Refuse oversized submissions of the public request form before anything parses them.

Django would answer a body over DATA_UPLOAD_MAX_MEMORY_SIZE (or with more than DATA_UPLOAD_MAX_NUMBER_FIELDS
fields) with a bare "Bad request" in the staff language, and a smaller but still absurd body would be
parsed. For the public form this middleware answers instead, in the visitor's language and with the form
(kim.js restores what was typed from the browser's draft). It sits after CsrfViewMiddleware: the CSRF check
runs in process_view, which a response returned here never reaches – nothing is written anyway.
"""

from __future__ import annotations

from django.urls import Resolver404, resolve

from kim.portal.contact import MAX_BODY_BYTES, MAX_FIELDS

FORM_VIEW = "portal_contact:form"


class PublicFormLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is not None and match.view_name == FORM_VIEW and self._too_large(request):
                from kim.portal.contact_views import refuse_oversized

                return refuse_oversized(request, **match.kwargs)
        return self.get_response(request)

    @staticmethod
    def _too_large(request) -> bool:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return True
        if length > MAX_BODY_BYTES:
            return True
        return request.body.count(b"&") >= MAX_FIELDS

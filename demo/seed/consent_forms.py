"""Signed consent forms for the demo's consent records: a one-page PDF per person, stored in the
private "Consent forms" collection (never at a public address).

Idempotent: a form is looked up by its title before one is made.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

CONSENT_COLLECTION = "Consent forms"


def demo_pdf(text: str) -> bytes:
    """A minimal valid one-page PDF showing ``text`` (ASCII only)."""
    line = text.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 720 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return body


def signed_form_for(person_name: str) -> object:
    """The demo's signed consent form of one person, in the private collection."""
    collection = Collection.objects.get(name=CONSENT_COLLECTION)
    title = f"Signed consent form: {person_name}"
    documents = get_document_model().objects
    existing = documents.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    content = demo_pdf(f"Demo consent form signed by {person_name} (fictional person)")
    return documents.create(
        title=title,
        file=ContentFile(content, name=f"consent-{slugify(person_name)}.pdf"),
        collection=collection,
    )

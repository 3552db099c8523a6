"""When the English original changes: synced fields, the editors' warning, the public text."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from blog.models import StoryPage, VideoPage
from tests.blog_factories import make_story, make_video, story_index, video_index
from tests.translations_support import translate_every_segment, translate_home
from tests.workflow_factories import make_consent, storyteller_approves
from translations.review import save_translation_draft
from translations.status import is_out_of_date

pytestmark = pytest.mark.django_db

NEW_HEADING = "Stories from our hospital, told by the people who lived them"
NEW_HEADING_ES = "Historias de nuestro hospital, contadas por quienes las vivieron"


@pytest.fixture
def spanish_home(home_page, spanish):
    return translate_home(home_page, spanish)


def translation_for(page: Page, spanish) -> Translation:
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(page), target_locale=spanish
    )


def change_english_heading(home_page) -> None:
    home_page.hero_heading = NEW_HEADING
    home_page.save_revision().publish()


def sync_and_translate(translation: Translation) -> None:
    """What "Sync translated pages" and the translator do: new source text, then its Spanish."""
    translation.source.update_from_db()
    segment = translation.source.stringsegment_set.get(context__path="hero_heading")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data=NEW_HEADING_ES,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )


def test_a_synced_field_follows_the_original_and_translated_text_stays_spanish(
    home_page, spanish, spanish_home
):
    assert not spanish_home.specific.show_in_menus
    home_page.show_in_menus = True  # a synchronised field: not translated, copied on sync
    home_page.save_revision().publish()
    translation = translation_for(home_page, spanish)
    translation.source.update_from_db()
    save_translation_draft(translation, None).publish()

    spanish_home = Page.objects.get(pk=spanish_home.pk).specific
    assert spanish_home.show_in_menus
    assert spanish_home.hero_heading == "Historias de nuestro hospital"


def test_the_translation_editor_warns_when_the_original_changed(
    client_for, admin_user, home_page, spanish, spanish_home
):
    client = client_for(admin_user)
    edit_url = f"/admin/pages/{spanish_home.pk}/edit/"
    assert "original of this page was changed" not in client.get(edit_url).content.decode()

    change_english_heading(home_page)

    translation = translation_for(home_page, spanish)
    assert is_out_of_date(translation)
    html = client.get(edit_url).content.decode()
    assert "The English original of this page was changed on" in html
    # The sync time is in parentheses: the sentence never ends on "p.m." ("p.m..").
    synced = date_format(timezone.localtime(translation.source.last_updated_at), "DATETIME_FORMAT")
    assert f"after the last sync of this translation ({synced}). The public page" in html

    translation.source.update_from_db()  # "Sync translated pages"
    assert not is_out_of_date(translation)
    assert "original of this page was changed" not in client.get(edit_url).content.decode()


def test_the_public_spanish_page_keeps_approved_text_until_the_new_one_is_published(
    client, home_page, spanish, spanish_home
):
    change_english_heading(home_page)
    translation = translation_for(home_page, spanish)
    sync_and_translate(translation)

    revision = save_translation_draft(translation, None)

    html = client.get("/es/").content.decode()
    assert "Historias de nuestro hospital</h1>" in html
    assert NEW_HEADING_ES not in html
    assert Page.objects.get(pk=spanish_home.pk).has_unpublished_changes

    revision.publish()
    assert NEW_HEADING_ES in client.get("/es/").content.decode()


def test_story_and_video_facts_are_synchronised_and_their_words_stay_translated(home_page, spanish):
    translate_home(home_page, spanish)
    stories, videos = story_index(home_page), video_index(home_page)
    story = make_story(stories, "A long night on ward 7", storyteller_type="staff")
    video = make_video(videos, "Meet the night team")
    for page in (stories, videos, story, video):
        translate_every_segment(page, spanish)

    consent = make_consent("Ana Example")
    story.storyteller_type, story.consent_record = "patient", consent
    revision = story.save_revision()
    storyteller_approves(story)
    revision.publish()
    video.video_url = "https://vimeo.com/824613907"
    video.save_revision().publish()
    for page in (story, video):
        translation = translation_for(page, spanish)
        translation.source.update_from_db()  # "Sync translated pages"
        revision = save_translation_draft(translation, None)
        if page is story:
            storyteller_approves(revision.content_object)
        revision.publish()

    spanish_story = StoryPage.objects.get(translation_key=story.translation_key, locale=spanish)
    assert spanish_story.storyteller_type == "patient"
    assert spanish_story.consent_record == consent
    assert spanish_story.title == "[es] A long night on ward 7"
    assert spanish_story.byline.startswith("[es] ")
    spanish_video = VideoPage.objects.get(translation_key=video.translation_key, locale=spanish)
    assert (spanish_video.video_provider, spanish_video.video_id) == ("vimeo", "824613907")
    assert spanish_video.transcript.startswith("<p>[es] ")

"""The views that answer a form's or wizard's command preview.

They read the posted fields only: no service is asked, so the preview can
follow every keystroke. The commands come from ``cli``.
"""

from django import forms
from django import http
from django.views import generic

from magnum_ui.content.common import labels as labels_text


def _typed(field, raw):
    """An integer field's text as a number (a template's current value is
    one); anything else as posted.
    """
    if isinstance(field, forms.IntegerField):
        try:
            return int(raw)
        except ValueError:
            return raw
    return raw


def posted_values(post, fields):
    """A wizard's raw POST by field: checkboxes as booleans, labels from
    the well-formed lines only (as a preview wants them), text stripped.
    """
    values = {}
    for name, field in fields.items():
        if isinstance(field, forms.BooleanField):
            values[name] = name in post
        elif isinstance(field, labels_text.LabelsField):
            values[name] = labels_text.valid_labels(post.get(name, ''))
        else:
            values[name] = _typed(field, post.get(name, '').strip())
    return values


class FormCommandView(generic.View):
    """POST: a modal form's raw fields; answer: its command as text.

    ``command(values)`` gets the stripped posted values by field name; no
    service is asked, so the preview can follow every keystroke.
    """

    def command(self, values):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        values = {key: value.strip() for key, value in request.POST.items()
                  if key != 'csrfmiddlewaretoken'}
        return http.HttpResponse(self.command(values),
                                 content_type='text/plain; charset=utf-8')


class CommandView(generic.View):
    """POST: the raw fields of ``workflow_class``; answer: the command.

    Reads the posted fields only: no service is asked, so the preview can
    follow every keystroke.
    """
    workflow_class = None

    def command(self, values):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        fields = {name: field
                  for step in self.workflow_class.default_steps
                  for name, field in step.action_class.base_fields.items()}
        return http.HttpResponse(
            self.command(posted_values(request.POST, fields)),
            content_type='text/plain; charset=utf-8')

"""The import form: a YAML file or its text."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from horizon import forms

from magnum_ui.content.project.cluster_templates.import_export import document

MAX_BYTES = 64 * 1024


class ImportForm(forms.SelfHandlingForm):
    yaml_file = forms.FileField(
        label=_('YAML File'), required=False,
        help_text=_('A file exported from a cluster template. When a file '
                    'is chosen the text below is not used.'))
    yaml_text = forms.CharField(
        label=_('YAML'), required=False, max_length=MAX_BYTES,
        widget=forms.Textarea(attrs={'rows': 12, 'spellcheck': 'false'}),
        help_text=_('Or paste the YAML here, e.g. "name: k8s" and '
                    '"coe: kubernetes" on separate lines.'))

    def _file_text(self, upload):
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _('The file is larger than %d KiB.') % (MAX_BYTES // 1024),
                code='too_large')
        try:
            return upload.read().decode('utf-8-sig')
        except UnicodeDecodeError:
            raise ValidationError(_('The file is not UTF-8 text.'),
                                  code='encoding')

    def _show_text(self, text):
        # The file's text goes in the textarea: the user sees what was read
        # and can correct it there.
        self.data = self.data.copy()
        self.data['yaml_text'] = text

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get('yaml_file')
        text = cleaned.get('yaml_text') or ''
        if upload:
            try:
                text = self._file_text(upload)
            except ValidationError as exc:
                self.add_error('yaml_file', exc)
                return cleaned
            self._show_text(text)
        if not text.strip():
            if 'yaml_text' not in self.errors:
                self.add_error('yaml_text',
                               _('Choose a YAML file or paste its text.'))
            return cleaned
        try:
            cleaned['attributes'] = document.read(text)
        except ValidationError as exc:
            self.add_error('yaml_text', exc)
        return cleaned

    def handle(self, request, data):
        # Nothing is created: the view opens the create wizard with these.
        return data['attributes']

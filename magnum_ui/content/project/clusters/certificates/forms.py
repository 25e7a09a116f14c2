"""Forms for a cluster's kubeconfig, certificates and credential rotation.

Each form gets the cluster (a wrapper) from its view; ``handle`` either
returns a file response, or True after a rotation. On a backend failure
the form comes back with Magnum's own words (``errors.form_failed``).
"""

from django import http
from django.utils import text
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from horizon import forms
from horizon import messages

from magnum_ui.api import magnum
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.certificates import kubeconfig

PEM_CONTENT_TYPE = 'application/x-pem-file'
KUBECONFIG_CONTENT_TYPE = 'application/yaml'


def file_response(content, filename, content_type):
    """An attachment nobody keeps: not the browser, not a proxy."""
    response = http.HttpResponse(content, content_type=content_type)
    # Names come from kubeconfig.filename_for: no quotes or spaces, which
    # Horizon's modal download code (it copies the raw value) needs.
    response['Content-Disposition'] = 'attachment; filename=%s' % filename
    response['Cache-Control'] = 'no-store'
    response['Pragma'] = 'no-cache'
    response['X-Content-Type-Options'] = 'nosniff'
    return response


class ClusterForm(forms.SelfHandlingForm):
    """Base: a form about one cluster."""

    def __init__(self, request, *args, **kwargs):
        self.cluster = kwargs.pop('cluster')
        super().__init__(request, *args, **kwargs)


class KubeconfigForm(ClusterForm):
    auth = forms.ThemableChoiceField(
        label=_('Authentication'),
        choices=(
            (kubeconfig.CERTIFICATE,
             _('Client certificate (a new key, signed by the cluster CA)')),
            (kubeconfig.KEYSTONE,
             _('Keystone credentials (client-keystone-auth, no key in '
               'the file)'))),
        initial=kubeconfig.CERTIFICATE)

    def __init__(self, request, *args, **kwargs):
        self.tls_disabled = kwargs.pop('tls_disabled')
        super().__init__(request, *args, **kwargs)
        if self.tls_disabled:
            # Nothing to choose: the API is plain http without credentials.
            self.fields['auth'].required = False
            self.fields['auth'].widget = forms.HiddenInput()

    @sensitive_variables('content')
    def handle(self, request, data):
        auth = data.get('auth') or kubeconfig.CERTIFICATE
        try:
            filename, content = kubeconfig.for_cluster(
                request, self.cluster, self.tls_disabled, auth)
        except Exception as exc:
            return errors.form_failed(self, _(
                'Unable to create a kubeconfig for cluster "%s".')
                % self.cluster.name, exc)
        return file_response(content, filename, KUBECONFIG_CONTENT_TYPE)


class SignCSRForm(ClusterForm):
    csr = forms.CharField(
        label=_('Certificate signing request (PEM)'), required=False,
        widget=forms.Textarea(attrs={'rows': 8}),
        help_text=_('Paste a PEM certificate request, or upload a file.'))
    csr_file = forms.FileField(
        label=_('CSR file'), required=False,
        # format_lazy: a class attribute is translated per request.
        help_text=text.format_lazy(_('At most {size} KiB.'),
                                   size=kubeconfig.MAX_CSR_BYTES // 1024))

    def _read_upload(self, upload):
        if upload.size > kubeconfig.MAX_CSR_BYTES:
            self.add_error('csr_file', _(
                'The file is larger than %d KiB; a CSR is much smaller.')
                % (kubeconfig.MAX_CSR_BYTES // 1024))
            return None
        return upload.read(kubeconfig.MAX_CSR_BYTES + 1)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get('csr_file')
        field = 'csr_file' if upload else 'csr'
        data = self._read_upload(upload) if upload else cleaned.get('csr')
        if data is None:
            return cleaned
        if not data.strip():
            self.add_error('csr', _('Paste a CSR or upload a CSR file.'))
            return cleaned
        if len(data) > kubeconfig.MAX_CSR_BYTES:
            self.add_error(field, _('A CSR is at most %d KiB.')
                           % (kubeconfig.MAX_CSR_BYTES // 1024))
            return cleaned
        try:
            kubeconfig.load_csr(data)
        except kubeconfig.InvalidCSR:
            self.add_error(field, _(
                'This is not a valid PEM certificate signing request '
                '("-----BEGIN CERTIFICATE REQUEST-----").'))
            return cleaned
        if isinstance(data, bytes):
            data = data.decode('ascii', errors='replace')
        cleaned['csr_pem'] = data.strip() + '\n'
        return cleaned

    def handle(self, request, data):
        try:
            certificate = magnum.certificate_sign(
                request, self.cluster.uuid, data['csr_pem'])
        except Exception as exc:
            return errors.form_failed(self, _(
                'Unable to sign the CSR for cluster "%s".')
                % self.cluster.name, exc)
        return file_response(
            certificate.pem,
            kubeconfig.filename_for(self.cluster, '.crt'), PEM_CONTENT_TYPE)


class RotateCAForm(ClusterForm):
    def handle(self, request, data):
        try:
            magnum.certificate_rotate_ca(request, self.cluster.uuid)
        except Exception as exc:
            return errors.form_failed(self, _(
                'Unable to rotate the CA of cluster "%s".')
                % self.cluster.name, exc)
        messages.success(request, _(
            'Rotating the CA of cluster "%s". Download a new kubeconfig once '
            'the update is complete.') % self.cluster.name)
        return True


class RotateCredentialsForm(ClusterForm):
    def handle(self, request, data):
        try:
            magnum.credential_rotate(request, self.cluster.uuid)
        except Exception as exc:
            return errors.form_failed(self, _(
                'Unable to rotate the credentials of cluster "%s".')
                % self.cluster.name, exc)
        messages.success(request, _('Rotated the credentials of cluster '
                                    '"%s".') % self.cluster.name)
        return True

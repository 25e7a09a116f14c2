"""Views for a cluster's kubeconfig, CA, CSR signing and rotations.

URLs are reversed in the namespace the views were mounted under, and the
cluster list in its parent (the Clusters panel's), so the same views serve
wherever they are included.
"""

from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views import generic

from horizon import exceptions
from horizon import forms
from horizon import messages
from horizon.utils import memoized

from magnum_ui.api import magnum
from magnum_ui.content.common import cli
from magnum_ui.content.common import errors
from magnum_ui.content.project.clusters.certificates import actions
from magnum_ui.content.project.clusters.certificates import forms as cert_forms
from magnum_ui.content.project.clusters.certificates import kubeconfig
from magnum_ui.content.project.clusters import data


class ClusterMixin:
    """Loads the cluster named in the URL; failures become a message."""

    def namespace(self):
        return self.request.resolver_match.namespace

    def index_url(self):
        parent = self.namespace().rsplit(':', 1)[0]
        return reverse('%s:index' % parent)

    def own_url(self, name):
        return reverse('%s:%s' % (self.namespace(), name),
                       args=(self.kwargs['cluster_id'],))

    def refuse(self, message):
        messages.error(self.request, message)
        raise exceptions.Http302(self.index_url())

    @memoized.memoized_method
    def get_cluster(self):
        return data.get_cluster_or_redirect(
            self.request, self.kwargs['cluster_id'], self.index_url())


class ClusterFormView(ClusterMixin, forms.ModalFormView):
    url_name = None
    submit_label = _('Download')
    cli_command = None  # cli.<builder>(cluster id), shown when set

    def check(self, cluster):
        """Refuse (message and redirect) what the cluster cannot do now."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        cluster = self.get_cluster()
        self.check(cluster)
        kwargs['cluster'] = cluster
        return kwargs

    def get_success_url(self):
        return self.index_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context['cluster'] = self.get_cluster()
        context['submit_url'] = self.own_url(self.url_name)
        context['cancel_url'] = self.index_url()
        if self.cli_command:
            context['command'] = self.cli_command(self.get_cluster().id)
        return context


class KubeconfigView(ClusterFormView):
    form_class = cert_forms.KubeconfigForm
    cli_command = staticmethod(cli.cluster_config)
    template_name = 'magnum_ui/clusters/certificates/kubeconfig.html'
    modal_id = 'download_kubeconfig_modal'
    form_id = 'download_kubeconfig_form'
    modal_header = page_title = _('Download Kubeconfig')
    url_name = 'kubeconfig'

    def check(self, cluster):
        if not actions.can_download_kubeconfig(cluster):
            self.refuse(_('Cluster "%s" has no usable API yet: a kubeconfig '
                          'is available once it is complete.') % cluster.name)

    @memoized.memoized_method
    def tls_disabled(self):
        cluster = self.get_cluster()
        try:
            template = magnum.cluster_template_get(
                self.request, cluster.cluster_template_id)
        except Exception as exc:
            errors.handle(self.request, _(
                'Unable to retrieve the cluster template of cluster "%s".')
                % cluster.name, exc, redirect=self.index_url())
        return bool(template.tls_disabled)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs['tls_disabled'] = self.tls_disabled()
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context['tls_disabled'] = self.tls_disabled()
        context['exec_command'] = kubeconfig.KEYSTONE_EXEC_COMMAND
        return context


class SignCSRView(ClusterFormView):
    form_class = cert_forms.SignCSRForm
    template_name = 'magnum_ui/clusters/certificates/sign_csr.html'
    modal_id = 'sign_csr_modal'
    form_id = 'sign_csr_form'
    modal_header = page_title = _('Sign Certificate Request')
    submit_label = _('Sign and Download')
    url_name = 'sign_csr'

    # A CSR names its subject (people, hosts): kept out of error reports.
    @method_decorator(sensitive_post_parameters('csr'))
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)

    def check(self, cluster):
        if not actions.is_settled(cluster):
            self.refuse(_('Cluster "%s" can sign certificates once it is '
                          'complete.') % cluster.name)


class RotateCAView(ClusterFormView):
    form_class = cert_forms.RotateCAForm
    cli_command = staticmethod(cli.ca_rotate)
    template_name = 'magnum_ui/clusters/certificates/rotate_ca.html'
    modal_id = 'rotate_ca_modal'
    form_id = 'rotate_ca_form'
    modal_header = page_title = _('Rotate CA Certificate')
    submit_label = _('Rotate CA Certificate')
    url_name = 'rotate_ca'

    def check(self, cluster):
        if not magnum.supports(self.request, 'rotate_ca'):
            self.refuse(_('This Magnum does not support CA rotation.'))
        if not actions.is_settled(cluster):
            self.refuse(_('The CA of cluster "%s" can be rotated once the '
                          'cluster is complete.') % cluster.name)


class RotateCredentialsView(ClusterFormView):
    form_class = cert_forms.RotateCredentialsForm
    template_name = 'magnum_ui/clusters/certificates/rotate_credentials.html'
    modal_id = 'rotate_credentials_modal'
    form_id = 'rotate_credentials_form'
    modal_header = page_title = _('Rotate Credentials')
    submit_label = _('Rotate Credentials')
    url_name = 'rotate_credentials'

    def check(self, cluster):
        if not magnum.supports(self.request, 'credentials'):
            self.refuse(_('This Magnum does not support credential '
                          'rotation.'))
        if not actions.can_rotate_credentials(cluster):
            self.refuse(_('The credentials of cluster "%(name)s" cannot be '
                          'rotated while it is %(status)s.')
                        % {'name': cluster.name, 'status': cluster.status})


class CAView(ClusterMixin, generic.View):
    """The cluster CA as a PEM download."""

    def get(self, request, cluster_id):
        cluster = self.get_cluster()
        try:
            certificate = magnum.certificate_get(request, cluster.uuid)
        except Exception as exc:
            errors.handle(request, _(
                'Unable to retrieve the CA certificate of cluster "%s".')
                % cluster.name, exc, redirect=self.index_url())
        return cert_forms.file_response(
            certificate.pem, kubeconfig.filename_for(cluster, '-ca.pem'),
            cert_forms.PEM_CONTENT_TYPE)

"""Fuzz: the Sign Certificate Request and Download Kubeconfig forms."""

from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st
from openstack_auth import utils as auth_utils
from openstack_dashboard.test import helpers
import yaml

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters.certificates import kubeconfig
from tests.unit.content.project.clusters import certificate_fakes as fakes
from tests.unit.content.project.clusters import test_certificates as certs
from tests.unit import fuzz
from tests.unit import magnum_data

CSR = fakes.csr_pem('fuzz-robot')
CA = fakes.SigningCA()
MAX = kubeconfig.MAX_CSR_BYTES
csr_texts = st.one_of(
    fuzz.nasty_text,
    st.sampled_from([CSR, CSR.replace('\n', '\r\n'), '  %s  ' % CSR,
                     CSR + 'x' * MAX, CA.pem, CSR[:200], CSR.lower()]),
    st.tuples(fuzz.nasty_text, fuzz.nasty_text).map(
        lambda pair: '%s\n%s\n%s' % (pair[0], CSR, pair[1])))
uploads = st.one_of(
    st.none(), st.binary(max_size=64),
    csr_texts.map(lambda text: text.encode('utf-8')),
    st.sampled_from([b'', b'\xff\xfe\x00' * 99, b'x' * (MAX + 1),
                     CSR.encode('utf-16'), CSR.encode() + b'\x00']))
names = st.sampled_from(['demo-cluster']) | \
    fuzz.nasty_text.filter(lambda text: text.strip())


class CertificateFuzzTests(fuzz.FuzzMixin, certs.CertificateViewTestCase):
    def post(self, url, data, shown):
        res = self.client.post(url, data, **fuzz.AJAX)
        fuzz.assert_no_500(self, res)
        fuzz.assert_no_raw_markup(self, res, shown)
        return res

    @helpers.create_mocks({magnum: ['cluster_get', 'certificate_sign']})
    @fuzz.FUZZ
    @given(csr=st.none() | csr_texts, upload=uploads, name=names,
           reason=fuzz.sometimes(fuzz.nasty_text))
    @example(csr=CSR, upload=None, name='<img src=x onerror=alert(1)>',
             reason=None)
    @example(csr=CSR, upload=None, name='"><b>fz</b>',
             reason='<img src=x onerror=alert(1)> %(exc)s %s 100%')
    @example(csr='"><b>fz</b>\x00', upload=None, name='\u202e', reason=None)
    @example(csr=None, upload=b'\xff\xfe\x00' * 99, name='c', reason=None)
    @example(csr='<img src=x onerror=alert(1)>', upload=b'', name='c',
             reason=None)
    @example(csr='x\n%s\ny' % CSR, upload=None, name='c', reason=None)
    def test_sign_csr(self, csr, upload, name, reason):
        cluster = magnum_data._cluster(name=name)
        self.mock_cluster_get.return_value = cluster
        self.mock_certificate_sign.side_effect = CA.certificate_sign \
            if reason is None else certs.magnum_error(reason or 'x')
        data = {} if csr is None else {'csr': csr}
        if upload is not None:
            data['csr_file'] = SimpleUploadedFile('req.csr', upload)
        res = self.post(certs.url('sign_csr', cluster), data,
                        {'csr': csr, 'name': name})
        if res.has_header('Content-Disposition'):
            self.assertAttachment(res, kubeconfig.filename_for(cluster,
                                                               '.crt'))
            args = self.mock_certificate_sign.call_args.args
            self.assertEqual(cluster.uuid, args[1])
            self.assertTrue(args[2].endswith('\n'))
            kubeconfig.load_csr(args[2])
            self.mock_certificate_sign.assert_called_once()
            return
        fuzz.assert_refused(self, res, res.context['form'].errors,
                            data, ['csr'])
        if self.mock_certificate_sign.called:  # Magnum said no
            fuzz.assert_reason_shown(self, res, reason or 'x')
            return
        # A lone pasted CSR is always signed.
        self.assertFalse(csr in (CSR, '  %s  ' % CSR) and not upload)
        fuzz.assert_refused(self, res, res.context['form'].errors,
                            data, ['csr'])

    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    @fuzz.FUZZ
    @given(auth=st.none() | st.sampled_from(kubeconfig.AUTH_MODES) |
           fuzz.nasty_text,
           tls_disabled=st.booleans(), name=names,
           server=st.sampled_from(['https://10.0.0.10:6443']) |
           fuzz.nasty_text.filter(lambda text: text.strip()),
           username=st.sampled_from(['demo', 'u' * 65, '\u00e9' * 64]) |
           fuzz.nasty_text.filter(lambda text: text.strip()),
           reason=fuzz.sometimes(fuzz.nasty_text))
    @example(auth='certificate', tls_disabled=False, name='"><b>fz</b>',
             server='https://x', username='\U0001F680' * 16, reason=None)
    @example(auth='keystone', tls_disabled=False, name='\u202e\x07',
             server='https://[::1]:6443', username='a=b=c',
             reason='"><b>fz</b>')
    @example(auth='certificate', tls_disabled=False,
             name='<img src=x onerror=alert(1)>', server='https://x',
             username='demo', reason='%(exc)s %s 100%')
    @example(auth='<img src=x onerror=alert(1)>', tls_disabled=True,
             name='c', server='\x85\u2028', username='demo', reason=None)
    def test_kubeconfig(self, auth, tls_disabled, name, server, username,
                        reason):
        res = self.download(auth, tls_disabled, name, server, username,
                            reason)
        cluster = self.mock_cluster_get.return_value
        # Without TLS the choice is a hidden field and may be left empty.
        wanted = (auth or 'certificate') if tls_disabled else auth
        if wanted not in kubeconfig.AUTH_MODES:
            self.mock_certificate_sign.assert_not_called()
            self.assertEqual(200, res.status_code)
            self.assertIn('auth', res.context['form'].errors)
            return
        if reason is not None and not tls_disabled:  # Magnum said no
            fuzz.assert_reason_shown(self, res, reason or 'x')
            self.assertTrue(res.context['form'].non_field_errors())
            return
        # Every legal choice downloads a kubeconfig saying what Magnum said.
        self.assertAttachment(res, kubeconfig.filename_for(
            cluster, '.kubeconfig'))
        document = yaml.safe_load(res.content)
        self.assertEqual(server, document['clusters'][0]['cluster']['server'])
        self.assertEqual(name, document['clusters'][0]['name'])
        signed = not tls_disabled and wanted == kubeconfig.CERTIFICATE
        self.assertEqual(signed, self.mock_certificate_sign.called)

    def download(self, auth, tls_disabled, name, server, username,
                 reason=None):
        cluster = magnum_data._cluster(name=name, api_address=server)
        self.template._apiresource.tls_disabled = tls_disabled
        self.mock_cluster_get.return_value = cluster
        self.mock_cluster_template_get.return_value = self.template
        self.mock_certificate_sign.side_effect = CA.certificate_sign
        self.mock_certificate_get.side_effect = CA.certificate_get
        if reason is not None:
            self.mock_certificate_sign.side_effect = certs.magnum_error(
                reason or 'x', 403)
            self.mock_certificate_get.side_effect = certs.magnum_error(
                reason or 'x', 503)
        get_user = auth_utils.get_user

        def fuzzed_user(request):
            user = get_user(request)
            user.username = username
            return user
        data = {} if auth is None else {'auth': auth}
        with mock.patch.object(auth_utils, 'get_user', fuzzed_user):
            res = self.post(certs.url('kubeconfig', cluster), data,
                            {'auth': auth, 'name': name})
        return res

    # cryptography limits a CN to 64 UTF-8 bytes, not characters: such a
    # name once failed the download instead of using the user id.
    @helpers.create_mocks({magnum: ['cluster_get', 'cluster_template_get',
                                    'certificate_sign', 'certificate_get']})
    def test_username_of_64_characters_but_more_bytes(self):
        res = self.download('certificate', False, 'c', 'https://x',
                            '\u00e9' * 64)
        self.assertAttachment(res, 'c.kubeconfig')

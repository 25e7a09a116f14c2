"""Fuzzing every form and wizard through Django's test client.

The service layer is mocked at its edge, as in the other unit tests. Each
``test_*`` module posts hostile input (unicode, control characters,
markup, huge strings and numbers, odd labels, missing fields) and checks:

* never an HTTP 500: the test client re-raises a view's exception, so any
  exception fails the example, and the status must be below 500;
* refused input comes back (200) with an error and the user's text, html
  escaped, in the fields that echo it;
* accepted input reaches the mocked service as the form's contract says;
* posted markup never appears unescaped.

The examples are derandomized, so CI runs the same ones every time.
"""

from unittest import mock

from django.contrib import messages
from django import test as django_test
from django.utils.html import escape
from hypothesis.extra import django as hypothesis_django
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st

from magnum_ui.content.common import labels as labels_text

FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                database=None,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])
# A wizard renders a whole page per example: fewer of them.
FUZZ_WIZARD = settings(FUZZ, max_examples=25)

# Posted as the browser's modals and wizards post: the form alone comes
# back, not the whole page around it (which costs a second per render).
AJAX = {'HTTP_X_REQUESTED_WITH': 'XMLHttpRequest'}

MARKUP = ('<img src=x onerror=alert(1)>', '"><b>fz</b>',
          "'><svg onload=alert(1)>", '<script>alert(1)</script>')
UNICODE = ('\u202eevil.exe', '\u05e9\u05dc\u05d5\u05dd',
           '\u0645\u0631\u062d\u0628\u0627', '\U0001F680\U0001F469\u200d'
           '\U0001F4BB', 'e\u0301', '\ufeffbom', '\u2028\u2029', '\uffff',
           '\x00', 'a\x00b', '\x07\x1b[31m', '\t', '\r\n', '\x0b\x0c',
           '\x85', 'ǅ', 'ＡＢＣ', '%s %(x)s %d {0} {x}')
NUMBERS = ('-1', '0', '1', '2', '3', '7', str(2 ** 31), str(2 ** 63),
           str(-2 ** 63), '9' * 40, '1e9', '  7 ', '0x10', '007', '+5',
           '1.0', '1.5', '1_000', '\u0663', '\uff17', 'NaN', 'inf', '-0',
           '', ' ')
LABELS = ('a=b=c', '=x', 'x=', 'a=1\na=2', 'key with space=1', ' k = v ',
          '# comment', 'k8s.io/role=edge', 'novalue', '\n\n', 'a=1\r\nb=2',
          'kube_tag=v1.30.1', '\u00e9t\u00e9=\u00e9', 'k=<b>x</b>',
          '<img src=x onerror=alert(1)>=1', 'auto_healing_enabled=true',
          'max_node_count=x', 'a\x00=1', 'k=' + 'v' * 300)
LONG = ('x' * 10240, '\u00e9' * 10240, '<b>' * 3414)

piece = st.one_of(st.sampled_from(MARKUP + UNICODE + NUMBERS + LABELS),
                  st.text(max_size=20))
nasty_text = st.one_of(
    st.sampled_from(MARKUP + UNICODE + NUMBERS + LABELS + LONG),
    st.text(),
    st.lists(piece, min_size=2, max_size=4).map(''.join))
nasty_number = st.one_of(
    st.sampled_from(NUMBERS),
    st.integers(min_value=-2 ** 70, max_value=2 ** 70).map(str),
    st.integers(min_value=-3, max_value=12).map(str),
    nasty_text)
nasty_labels = st.one_of(
    st.lists(st.sampled_from(LABELS) | nasty_text, max_size=4)
    .map('\n'.join),
    nasty_text)


class FuzzMixin(hypothesis_django.TestCase):
    """Put first in the bases of a Horizon test case to use ``@given``.

    The test case's setUp runs once per test, as Horizon's needs (it
    patches the user in), and so does ``helpers.create_mocks``, placed
    above ``@given``. Each example gets a fresh client (its own session,
    messages and cookies) and mocks without the calls of the last one.
    """

    def __call__(self, result=None):
        return django_test.SimpleTestCase.__call__(self, result)

    def setup_example(self):
        self.client = self.client_class()
        for name, value in vars(self).items():
            if name.startswith('mock_') and isinstance(value, mock.Mock):
                value.reset_mock()

    def teardown_example(self, example):
        pass


def sometimes(strategy):
    """None three times out of four, else a value of ``strategy``."""
    return st.tuples(st.integers(0, 3), strategy).map(
        lambda pair: pair[1] if pair[0] == 0 else None)


def overrides(fields, values=nasty_text):
    """Changes to a valid post: some fields get a value, None drops one."""
    return st.dictionaries(st.sampled_from(sorted(fields)),
                           st.one_of(st.none(), values), min_size=1,
                           max_size=4)


def merged(base, changes):
    data = dict(base, **changes)
    return {key: value for key, value in data.items() if value is not None}


def echo_safe(value):
    """Whether a browser and Django hand ``value`` back unchanged."""
    return '\x00' not in value and '\r' not in value


def assert_no_500(case, response):
    case.assertLess(response.status_code, 500)


def assert_no_raw_markup(case, response, data):
    """Posted markup is not in an html page (a download is no page): not
    the known payloads, nor a whole value holding a "<".
    """
    if not response.get('Content-Type', '').startswith('text/html'):
        return
    text = response.content.decode('utf-8')
    for value in data.values():
        if not isinstance(value, str):
            continue
        for markup in MARKUP:
            if markup in value:
                case.assertNotIn(markup, text)
        if '<' in value and len(value.strip()) >= 6:
            case.assertNotIn(value, text)


def assert_redirected(case, response, url):
    """Horizon's redirect (for an ajax post a 200 naming the location),
    with no message the next page would show unescaped.
    """
    location = response.get('Location') or response.get('X-Horizon-Location')
    case.assertIn(response.status_code, (200, 302))
    case.assertEqual(str(url), location)
    for message in messages.get_messages(response.wsgi_request):
        case.assertNotIn('safe', message.tags)


def assert_refused(case, response, errors, data, echo_fields):
    """200, an error, and the posted values of ``echo_fields`` shown."""
    case.assertEqual(200, response.status_code)
    case.assertTrue(errors, 'refused without an error')
    text = response.content.decode('utf-8')
    for name in echo_fields:
        value = data.get(name)
        if isinstance(value, str) and value.strip() and echo_safe(value):
            case.assertIn(escape(value), text, name)


def assert_reason_shown(case, response, reason):
    """A refusal by the service comes back with the service's words."""
    case.assertEqual(200, response.status_code)
    if reason.strip() and echo_safe(reason):
        case.assertIn(escape(reason.strip()),
                      response.content.decode('utf-8'))


def workflow_errors(response):
    """{field or '__all__': [messages]} of every step of a wizard."""
    found = {}
    workflow = response.context['workflow']
    for step in workflow.steps:
        for name, texts in step.action.errors.items():
            found.setdefault(name, []).extend(texts)
        if getattr(step, 'has_errors', False):
            found.setdefault('__step__', []).append(step.slug)
    return found


def parsed_labels(text):
    """What a labels field cleans ``text`` to (it strips first)."""
    return labels_text.parse_labels((text or '').strip())

"""Policy checks of table actions, answered once per request.

Horizon checks a row action's policy for every row, and each check runs
the policy engine. On a page of clusters most rows ask the same question
(same rules, same target), so the request keeps the answers: a page of 20
rows with ten actions costs a handful of checks instead of two hundred.
"""

from horizon.utils import settings as utils_settings

_ANSWERS = '_magnum_ui_policy_answers'


def _key(rules, target):
    return (tuple(rules),
            tuple(sorted((str(k), str(v)) for k, v in (target or {}).items())))


class CheckedOncePerRequest(object):
    """Mixin for a table action: its policy answer is shared per request."""

    def _allowed(self, request, datum):
        check = utils_settings.import_setting('POLICY_CHECK_FUNCTION')
        if not (check and self.policy_rules):
            return self.allowed(request, datum)
        target = self.get_policy_target(request, datum)
        answers = request.__dict__.setdefault(_ANSWERS, {})
        key = _key(self.policy_rules, target)
        if key not in answers:
            answers[key] = bool(check(self.policy_rules, request, target))
        return answers[key] and self.allowed(request, datum)

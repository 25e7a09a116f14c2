from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from horizon import tables
from horizon.utils import filters

SERVICE_STATE_DISPLAY = (
    ('up', pgettext_lazy('Magnum service state', 'Up')),
    ('down', pgettext_lazy('Magnum service state', 'Down')),
)


def _enabled(service):
    return _('Disabled') if service.disabled else _('Enabled')


class MagnumServicesTable(tables.DataTable):
    binary = tables.Column('binary', verbose_name=_('Service'))
    host = tables.Column('host', verbose_name=_('Host'))
    state = tables.Column('state', verbose_name=_('State'),
                          status=True,
                          status_choices=(('up', True), ('down', False)),
                          display_choices=SERVICE_STATE_DISPLAY)
    enabled = tables.Column(_enabled, verbose_name=_('Status'))
    disabled_reason = tables.Column('disabled_reason',
                                    verbose_name=_('Disabled Reason'))
    report_count = tables.Column('report_count',
                                 verbose_name=_('Reports'))
    updated_at = tables.Column('updated_at', verbose_name=_('Last Report'),
                               filters=(filters.parse_isotime,
                                        filters.timesince_or_never))

    class Meta(object):
        name = 'magnum_services'
        verbose_name = _('Magnum Services')
        status_columns = ('state',)

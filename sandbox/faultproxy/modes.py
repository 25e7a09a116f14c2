"""The faults a FaultProxy can inject, and the error documents it answers.

    pass          forward the request to the real service, answer what it does
    refuse        the service is stopped: connection refused
    hang          accept and read the request, never answer
    status:<code> answer <code> with a JSON error body in the service's own
                  format; nothing forwarded
    malformed     answer 200 with a truncated JSON body; nothing forwarded

``WRITES`` are the methods of a "writes only" fault (see FaultProxy.set).
"""

PASS = 'pass'
REFUSE = 'refuse'
HANG = 'hang'
MALFORMED = 'malformed'
STATUS = 'status'
WRITES = ('POST', 'PUT', 'PATCH', 'DELETE')
MARKER = 'injected by sandbox.faultproxy'

TITLES = {400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
          404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error',
          502: 'Bad Gateway', 503: 'Service Unavailable',
          504: 'Gateway Timeout'}
HEAT_TYPES = {400: 'HTTPBadRequest', 403: 'Forbidden',
              404: 'EntityNotFound', 409: 'HTTPConflict',
              500: 'InternalError', 503: 'HTTPServiceUnavailable'}


def error_body(flavour, code):
    """An error document as the service itself would write it."""
    title = TITLES.get(code, 'Error')
    detail = '%s (%d %s).' % (MARKER, code, title)
    if flavour == 'heat':
        return {'explanation': detail, 'code': code, 'title': title,
                'error': {'message': detail, 'traceback': None,
                          'type': HEAT_TYPES.get(code, 'Error')}}
    return {'errors': [{'request_id': '', 'code': 'server' if code >= 500
                        else 'client', 'status': code, 'title': title,
                        'detail': detail, 'links': []}]}


# A body a JSON parser rejects, but long enough to look like a listing.
MALFORMED_BODY = (b'{"clusters": [{"uuid": "5e1b9a36-fault", "name": "x", '
                  b'"status": "CREATE_COMPLETE", "labels": {"a": ')


def parse_mode(mode):
    """'status:503' -> ('status', 503); others -> (mode, None)."""
    if mode.startswith(STATUS + ':'):
        code = int(mode.split(':', 1)[1])
        if not 100 <= code <= 599:
            raise ValueError('bad status %r' % mode)
        return STATUS, code
    if mode not in (PASS, REFUSE, HANG, MALFORMED):
        raise ValueError('unknown fault mode %r' % mode)
    return mode, None

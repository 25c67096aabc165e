"""A supplier's system in Python 3, standard library only, that klarmeld tests.

It implements SF1520 (CPR replika opslag, PersonLookup v4) as a fagsystem would: it looks a
person up over mutual TLS with its it-system certificate, with an InvocationContext in the
request, and shows its user the person, or says that the person does not exist.

klarmeld starts it with three environment variables:
  KLARMELD_CONNECTION  a JSON file: the platform's URLs, the certificate files, the agreement
  TRIGGER_PORT         where this system answers the runner's trigger (POST /trigger, GET /health)
  CALLBACK_PORT        where a Beskedfordeler callback would listen (not used here)
Run by hand: python3 system.py (with those variables set), or let "npx klarmeld test" run it.
"""
import http.client
import json
import os
import re
import ssl
import traceback
import uuid
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

PERSON_LOOKUP_NS = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/"
INVOCATION_CONTEXT_NS = "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/"
PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/"
# The person at the keyboard: a real system takes these from its login.
USER_UUID = "6f1c2f3e-0d7a-4b8e-9a51-2c4d5e6f7a80"
USER_NAME = "sagsbehandler@acme.example"


class ActionError(Exception):
    """An answer of { "ok": false, "error": { code, message } } to the runner."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def load_connection():
    with open(os.environ["KLARMELD_CONNECTION"], encoding="utf-8") as file:
        return json.load(file)


def tls_context(tls):
    """Mutual TLS: the platform's CA to trust, the it-system's certificate to show."""
    context = ssl.create_default_context(cafile=tls["ca"])
    context.load_cert_chain(tls["cert"], tls["key"])
    return context


def person_lookup_envelope(connection, service, cpr):
    """SOAP 1.1 PersonLookupRequest; the InvocationContext inside it, in the schema's order, every UUID lower case."""
    context = [
        ("ServiceAgreementUUID", service["agreementUuid"]),
        ("UserSystemUUID", connection["userSystemUuid"]),
        ("UserUUID", USER_UUID),
        ("OnBehalfOfUser", USER_NAME),
        ("ServiceUUID", service["serviceUuid"]),
        ("CallersServiceCallIdentifier", str(uuid.uuid4())),
    ]
    fields = "".join(f"<ic:{name}>{escape(value.lower() if name.endswith('UUID') else value)}</ic:{name}>" for name, value in context)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>'
        f'<ns:PersonLookupRequest xmlns:ns="{PERSON_LOOKUP_NS}">'
        f'<ic:InvocationContext xmlns:ic="{INVOCATION_CONTEXT_NS}">{fields}</ic:InvocationContext>'
        f'<pnr:PNR xmlns:pnr="{PNR_NS}">{escape(cpr)}</pnr:PNR>'
        "</ns:PersonLookupRequest></soapenv:Body></soapenv:Envelope>"
    ).encode("utf-8")


def post_soap(url, body, soap_action, context, attempts=2):
    """POSTs once more after a dropped connection (a transient failure); a SOAP fault is an answer, never retried."""
    parts = urlsplit(url)
    for attempt in range(attempts):
        connection = http.client.HTTPSConnection(parts.hostname, parts.port or 443, context=context, timeout=10)
        try:
            connection.request("POST", parts.path, body, {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{soap_action}"'})
            response = connection.getresponse()
            return response.status, response.read()
        except (ConnectionError, http.client.RemoteDisconnected, ssl.SSLError, TimeoutError):
            if attempt == attempts - 1:
                raise ActionError("platform-unreachable", f"The CPR service at {url} could not be reached")
        finally:
            connection.close()


def text_of(element, path):
    found = element.find(path)
    return found.text.strip() if found is not None and found.text else ""


def cpr_lookup(connection, params):
    service = next((s for s in connection["services"].values() if s["integration"] == "SF1520"), None)
    if service is None or "agreementUuid" not in service:
        raise ActionError("not-connected", "The connection file names no approved SF1520 agreement")
    cpr = params.get("cpr", "")
    if not re.fullmatch(r"\d{10}", cpr):
        raise ActionError("bad-cpr", "A CPR number is ten digits")
    status, body = post_soap(service["url"], person_lookup_envelope(connection, service, cpr), PERSON_LOOKUP_NS + "PersonLookup", tls_context(connection["tls"]))
    root = ElementTree.fromstring(body)
    fault = root.find(".//{*}Fault")
    if fault is not None:
        code = text_of(fault, ".//{*}ErrorCode")
        message = text_of(fault, ".//{*}ErrorText") or text_of(fault, "faultstring")
        if re.search(r"not.?found|no person|findes ikke", f"{code} {message}", re.IGNORECASE):
            raise ActionError("person-not-found", f"No person has CPR number {cpr}")
        raise ActionError("platform-fault", f"The CPR service refused the lookup: {code} {message}".strip())
    if status != 200:
        raise ActionError("platform-error", f"The CPR service answered HTTP {status}")
    person = root.find(".//{*}persondata")
    if person is None:
        raise ActionError("platform-error", "The CPR service answered without person data")
    names = [text_of(person, f"{{*}}navn/{{*}}{part}") for part in ("fornavn", "mellemnavn", "efternavn")]
    # What the user sees: the name the CPR replica gives, and the current address.
    return {
        "cpr": text_of(person, "{*}personnummer") or cpr,
        "name": " ".join(name for name in names if name),
        "address": text_of(root, ".//{*}aktuelAdresse/{*}standardadresse"),
    }


ACTIONS = {"cpr.lookup": cpr_lookup}


class TriggerHandler(BaseHTTPRequestHandler):
    """The trigger protocol: POST { action, params }, answer { ok, result } or { ok: false, error }."""

    # Not "connection": BaseHTTPRequestHandler keeps its socket under that name.
    platform = None

    def do_GET(self):
        self.answer(200, {"ok": True}) if self.path == "/health" else self.answer(404, {"ok": False, "error": {"code": "not-found", "message": self.path}})

    def do_POST(self):
        if self.path != "/trigger":
            return self.answer(404, {"ok": False, "error": {"code": "not-found", "message": self.path}})
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        action = ACTIONS.get(request.get("action"))
        if action is None:
            return self.answer(200, {"ok": False, "error": {"code": "unsupported-action", "message": f"This system cannot {request.get('action')}"}})
        try:
            self.answer(200, {"ok": True, "result": action(self.platform, request.get("params") or {})})
        except ActionError as error:
            self.answer(200, {"ok": False, "error": {"code": error.code, "message": str(error)}})
        except Exception as error:  # a bug of ours: say so, rather than drop the runner's connection
            traceback.print_exc()
            self.answer(200, {"ok": False, "error": {"code": "internal-error", "message": f"{type(error).__name__}: {error}"}})

    def answer(self, status, value):
        body = json.dumps(value).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # the runner shows what the system writes; one line per trigger would drown it


def main():
    TriggerHandler.platform = load_connection()
    server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["TRIGGER_PORT"])), TriggerHandler)
    print(f"Python system ready on http://127.0.0.1:{server.server_port}/trigger", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

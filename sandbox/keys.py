"""SSH keypairs for the seeded Nova keypairs (private halves kept locally)."""
import os

from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives import serialization


def public_key(directory, name):
    """OpenSSH public key of `name`, generating the pair on first use."""
    os.makedirs(directory, mode=0o700, exist_ok=True)
    private_path = os.path.join(directory, name)
    if not os.path.exists(private_path):
        key = ed25519.Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM,
                                serialization.PrivateFormat.OpenSSH,
                                serialization.NoEncryption())
        with open(os.open(private_path, os.O_WRONLY | os.O_CREAT, 0o600),
                  'wb') as f:
            f.write(pem)
    with open(private_path, 'rb') as f:
        key = serialization.load_ssh_private_key(f.read(), password=None)
    public = key.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    return public.decode() + ' %s@magnum-ui-sandbox' % name

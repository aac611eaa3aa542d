"""KIM platform: software for a site of the NRW programme Kommunales Integrationsmanagement."""

__version__ = "0.1.0"

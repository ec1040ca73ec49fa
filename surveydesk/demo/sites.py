"""The demo's site for each platform of a registry, read from the module its `PlatformSpec.demo_site` names."""

from __future__ import annotations

import importlib

from surveydesk.demo.wire import DemoSite
from surveydesk.platforms.registry import Registry


def demo_sites(registry: Registry) -> dict[str, DemoSite]:
    """Each platform of `registry` that has a demo site, in the registry's order."""
    sites = {}
    for spec in registry:
        if spec.demo_site is None:
            continue
        site = importlib.import_module(spec.demo_site).DEMO
        if not isinstance(site, DemoSite):
            raise TypeError(f"{spec.demo_site}.DEMO is not a DemoSite")
        sites[spec.platform] = site
    return sites

"""The licences a resource may carry, by SPDX identifier (https://spdx.org/licenses/).

Shipped rather than fetched: the list changes rarely and the commons must validate offline. It holds
the Creative Commons family and the common open-source and open-data licences that improvement
tools are published under. A licence outside this list is either added here (with review) or
recorded as a network-only licence.
"""

KNOWN_LICENCES = {
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution Share Alike 4.0 International", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-NC-4.0": ("Creative Commons Attribution Non Commercial 4.0 International", "https://creativecommons.org/licenses/by-nc/4.0/"),
    "CC-BY-NC-SA-4.0": ("Creative Commons Attribution Non Commercial Share Alike 4.0 International", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    "CC-BY-ND-4.0": ("Creative Commons Attribution No Derivatives 4.0 International", "https://creativecommons.org/licenses/by-nd/4.0/"),
    "CC-BY-NC-ND-4.0": ("Creative Commons Attribution Non Commercial No Derivatives 4.0 International", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    "CC-BY-3.0": ("Creative Commons Attribution 3.0 Unported", "https://creativecommons.org/licenses/by/3.0/"),
    "CC-BY-SA-3.0": ("Creative Commons Attribution Share Alike 3.0 Unported", "https://creativecommons.org/licenses/by-sa/3.0/"),
    "CC-BY-NC-3.0": ("Creative Commons Attribution Non Commercial 3.0 Unported", "https://creativecommons.org/licenses/by-nc/3.0/"),
    "CC-BY-NC-SA-3.0": ("Creative Commons Attribution Non Commercial Share Alike 3.0 Unported", "https://creativecommons.org/licenses/by-nc-sa/3.0/"),
    "CC-BY-ND-3.0": ("Creative Commons Attribution No Derivatives 3.0 Unported", "https://creativecommons.org/licenses/by-nd/3.0/"),
    "CC-BY-NC-ND-3.0": ("Creative Commons Attribution Non Commercial No Derivatives 3.0 Unported", "https://creativecommons.org/licenses/by-nc-nd/3.0/"),
    "MIT": ("MIT License", "https://opensource.org/license/mit/"),
    "Apache-2.0": ("Apache License 2.0", "https://www.apache.org/licenses/LICENSE-2.0"),
    "BSD-2-Clause": ('BSD 2-Clause "Simplified" License', "https://opensource.org/license/bsd-2-clause/"),
    "BSD-3-Clause": ('BSD 3-Clause "New" or "Revised" License', "https://opensource.org/license/bsd-3-clause/"),
    "GPL-3.0-only": ("GNU General Public License v3.0 only", "https://www.gnu.org/licenses/gpl-3.0.html"),
    "GPL-3.0-or-later": ("GNU General Public License v3.0 or later", "https://www.gnu.org/licenses/gpl-3.0.html"),
    "LGPL-3.0-or-later": ("GNU Lesser General Public License v3.0 or later", "https://www.gnu.org/licenses/lgpl-3.0.html"),
    "AGPL-3.0-or-later": ("GNU Affero General Public License v3.0 or later", "https://www.gnu.org/licenses/agpl-3.0.html"),
    "MPL-2.0": ("Mozilla Public License 2.0", "https://www.mozilla.org/MPL/2.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License v1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "ODC-By-1.0": ("Open Data Commons Attribution License v1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication & License 1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
    "OGL-UK-3.0": ("Open Government Licence v3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
    "Unlicense": ("The Unlicense", "https://unlicense.org/"),
}


def is_known(identifier):
    return identifier in KNOWN_LICENCES

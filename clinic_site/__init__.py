"""Django project package for Clinic Stories (named clinic_site: `site` is a stdlib module)."""

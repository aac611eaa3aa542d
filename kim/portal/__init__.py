"""The public multilingual portal: pages, FAQs, news, downloads, staff directory, contact (no login)."""

import pytest
from kim.accounts.models import Role
from tests.factories import PASSWORD
pytestmark = pytest.mark.usefixtures("second_factor_required")

def test_dbg(page, make_staff, assert_accessible):
    member, secret = make_staff(Role.CASE_MANAGER)
    page.goto("/accounts/login/")
    page.locator("main input[name=login]").fill(member.user.email)
    page.locator("main input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.locator("main input[name=code]").fill("000000")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    print("=====AFTER", page.url)
    print(page.locator("main").inner_html()[:1500])
    print(page.locator("main").aria_snapshot())
